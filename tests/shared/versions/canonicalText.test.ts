import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canonicalText, serializeCanonical, sha256Hex, type CanonicalText } from '../../../shared/versions/canonicalText.js'
import { findInvisibleCharacters } from '../../../shared/versions/invisibleCharacters.js'
import { declarationDoc } from './fixtures.js'

const golden = JSON.parse(readFileSync(new URL('./golden/almaty-excerpt.json', import.meta.url), 'utf8')) as { serialized: string; sha256: string }

const excerpt = () =>
  declarationDoc('Almaty Declaration — Алматы декларациясы', [
    ['pp0000000001', 'preambular', ['Recalling the right of every child to education,']],
    ['op0000000001', 'operative', [{ text: 'Decides', marks: ['italic'] }, ' to act in 中文 and العربية;', { note: 'See annex I.' }]],
    ['op0000000002', 'operative', ['Requests ', { text: 'a report', marks: ['bold', 'italic'] }, '.']],
  ])

describe('the canonical text', () => {
  it('matches the checked-in golden vector, so the format cannot drift silently', async () => {
    const serialized = serializeCanonical(canonicalText(excerpt()))
    expect(serialized).toBe(golden.serialized)
    expect(await sha256Hex(serialized)).toBe(golden.sha256)
  })

  it('is the same however the editor split the runs of text', async () => {
    const split = declarationDoc('Almaty Declaration — Алматы декларациясы', [
      ['pp0000000001', 'preambular', ['Recalling the right ', 'of every child ', 'to education,']],
      ['op0000000001', 'operative', [{ text: 'Dec', marks: ['italic'] }, { text: 'ides', marks: ['italic'] }, ' to act in 中文', ' and العربية;', { note: 'See annex I.' }]],
      ['op0000000002', 'operative', ['Requests ', { text: 'a ', marks: ['italic', 'bold'] }, { text: 'report', marks: ['bold', 'italic'] }, '.']],
    ])
    expect(serializeCanonical(canonicalText(split))).toBe(golden.serialized)
  })

  it('is the same for NFC and NFD input', () => {
    const composed = declarationDoc('Café', [['op0000000001', 'operative', ['Ақпарат é']]])
    const decomposed = declarationDoc('Cafe\u0301', [['op0000000001', 'operative', ['А\u049bпарат e\u0301'.normalize('NFD')]]])
    expect(serializeCanonical(canonicalText(decomposed))).toBe(serializeCanonical(canonicalText(composed)))
  })

  it('does not depend on the order of keys', () => {
    const text = canonicalText(excerpt())
    const reordered = JSON.parse(JSON.stringify({ blocks: text.blocks, title: text.title, format: text.format })) as CanonicalText
    expect(serializeCanonical(reordered)).toBe(serializeCanonical(text))
  })

  it('changes with any change of a character, a mark, an id or a kind', () => {
    const base = serializeCanonical(canonicalText(excerpt()))
    const variants = [
      declarationDoc('Almaty Declaration — Алматы декларациясы', [['pp0000000001', 'preambular', ['Recalling the right of every child to education.']]]),
      declarationDoc('Almaty Declaration — Алматы декларациясы', [['pp0000000001', 'operative', ['Recalling the right of every child to education,']]]),
      declarationDoc('Almaty Declaration — Алматы декларациясы', [['pp0000000009', 'preambular', ['Recalling the right of every child to education,']]]),
    ]
    for (const variant of variants) expect(serializeCanonical(canonicalText(variant))).not.toBe(base)
  })

  it('flags invisible bidirectional and zero-width characters', () => {
    const doc = declarationDoc('Title\u200b', [['op0000000001', 'operative', ['Pay \u202e001 dollars\u202c now']]])
    expect(findInvisibleCharacters(canonicalText(doc))).toEqual([
      { where: 'title', codePoint: 'U+200B', offset: 5 },
      { where: 'OP1', codePoint: 'U+202E', offset: 4 },
      { where: 'OP1', codePoint: 'U+202C', offset: 16 },
    ])
  })
})
