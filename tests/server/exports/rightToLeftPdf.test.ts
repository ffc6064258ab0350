import { beforeAll, describe, expect, it } from 'vitest'
import type { CanonicalBlock } from '../../../shared/versions/canonicalText.js'
import { renderPdf } from '../../../server/src/exports/renderPdf.js'
import { pdfText } from '../../helpers/documentText.js'
import { pdfGlyphs, type PlacedGlyph } from '../../helpers/pdfGlyphs.js'

const ARABIC = 'نحن الدول المشاركة في المؤتمر'
const MIXED = 'تقرير منظمة UNESCO لعام 2024 عن التعليم'
const LATIN = 'Affirm the right to education.'
const EMBEDDED = 'نحن الدول المشاركة'
const CHINESE = '我们，参与者，重申人人享有受教育的权利。'.repeat(8)
const LONG = Array.from({ length: 8 }, () => ARABIC).join(' و')
const A4_WIDTH = 595.28
const MARGIN = 72

const clause = (label: string, text: string): CanonicalBlock => ({ type: 'clause', id: null, kind: 'operative', label, content: [{ text, marks: [] }] })
const withoutSpaces = (text: string) => text.replace(/\s/g, '')
const reversed = (text: string) => [...text].reverse().join('')

let bytes: Uint8Array
let glyphs: PlacedGlyph[]

beforeAll(async () => {
  const signatures = { version: null, delegations: [], signed: 0, expected: 0, total: 0, auditHead: '0'.repeat(64) }
  const version = { id: 'v1', seq: 1, name: 'Rev.1', sha256: 'a'.repeat(64), createdAt: '2026-12-01T10:00:00.000Z' }
  const text = { format: 'kelisim-text/1' as const, title: 'Almaty Declaration', blocks: [clause('OP1', ARABIC), clause('OP2', MIXED), clause('OP3', LATIN), clause('OP4', `The States, ${EMBEDDED}, affirm.`), clause('OP5', CHINESE), clause('OP6', LONG)] }
  bytes = new Uint8Array(await renderPdf({ declaration: 'almaty-declaration', version, text, signatures, statuses: new Map(), language: 'en' }))
  glyphs = await pdfGlyphs(bytes.slice())
})

/** The visible glyphs of the line that carries a paragraph's number, from left to right (fonts differ in baseline by a few points). */
function lineOf(label: string): PlacedGlyph[] {
  const start = glyphs.findIndex((_, index) => glyphs.slice(index, index + label.length).map((glyph) => glyph.text).join('') === label)
  expect(start, `${label} is drawn`).toBeGreaterThanOrEqual(0)
  const baseline = glyphs[start]!.y
  return glyphs.filter((glyph) => Math.abs(glyph.y - baseline) < 8 && glyph.text.trim() !== '').sort((a, b) => a.x - b.x)
}

const readRightToLeft = (line: PlacedGlyph[]) => reversed(line.map((glyph) => glyph.text).join(''))

describe('a right-to-left paragraph in the PDF', () => {
  it('comes out of text extraction in logical order, Latin words and digits included', async () => {
    const text = (await pdfText(bytes.slice())).replace(/\s+/g, ' ')
    expect(text).toContain(ARABIC)
    expect(text).toContain(MIXED)
    expect(text).toContain(`OP3 ${LATIN}`)
  })

  it('runs from the right margin leftwards, its number first on the right, while a left-to-right paragraph keeps to the left', () => {
    const line = lineOf('OP1')
    // Read from the right, the number comes first (its own letters left to right), then the Arabic words in the order they were written.
    expect(readRightToLeft(line)).toBe(`${reversed('OP1')}${withoutSpaces(ARABIC)}`)
    const right = Math.max(...line.map((glyph) => glyph.x + glyph.width))
    expect(right).toBeCloseTo(A4_WIDTH - MARGIN, 0)
    const latin = lineOf('OP3')
    expect(latin.map((glyph) => glyph.text).join('')).toBe(`OP3${withoutSpaces(LATIN)}`)
    expect(latin[0]!.x).toBeCloseTo(MARGIN, 0)
  })

  it('keeps Latin words and numbers left to right inside it, each placed by the bidirectional algorithm', () => {
    const line = lineOf('OP2')
    const [before, after] = MIXED.split('UNESCO') as [string, string]
    const [between, rest] = after.split('2024') as [string, string]
    expect(readRightToLeft(line)).toBe(`${reversed('OP2')}${withoutSpaces(before)}${reversed('UNESCO')}${withoutSpaces(between)}${reversed('2024')}${withoutSpaces(rest)}`)
  })

  it('orders an Arabic phrase inside a left-to-right paragraph right to left, and still wraps Chinese within the margins', () => {
    const line = lineOf('OP4')
    expect(line.map((glyph) => glyph.text).join('')).toBe(`OP4TheStates,${reversed(withoutSpaces(EMBEDDED))},affirm.`)
    const start = glyphs.findIndex((glyph, index) => glyph.text === 'O' && glyphs[index + 1]?.text === 'P' && glyphs[index + 2]?.text === '5')
    const chinese = glyphs.slice(start + 3).filter((glyph) => /\p{Script=Han}/u.test(glyph.text))
    expect(chinese.map((glyph) => glyph.text).join('')).toBe(CHINESE.replace(/[，。]/g, ''))
    expect(new Set(chinese.map((glyph) => Math.round(glyph.y))).size).toBeGreaterThan(2)
    for (const glyph of chinese) {
      expect(glyph.x).toBeGreaterThanOrEqual(MARGIN - 0.5)
      expect(glyph.x + glyph.width).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.5)
    }
  })

  it('breaks a long right-to-left paragraph into lines that each run from the right margin, read top to bottom in the order written', () => {
    const start = glyphs.findIndex((glyph, index) => glyph.text === 'O' && glyphs[index + 1]?.text === 'P' && glyphs[index + 2]?.text === '6')
    const arabic = glyphs.slice(start + 3).filter((glyph) => /\p{Script=Arabic}/u.test(glyph.text))
    const baselines = [...new Set(arabic.map((glyph) => Math.round(glyph.y)))].sort((a, b) => b - a)
    const lines = baselines.reduce<number[]>((kept, y) => (kept.some((other) => Math.abs(other - y) < 8) ? kept : [...kept, y]), [])
    expect(lines.length).toBeGreaterThan(2)
    const onLine = (y: number) => arabic.filter((glyph) => Math.abs(glyph.y - y) < 8)
    expect(lines.map((y) => readRightToLeft(onLine(y))).join('')).toBe(withoutSpaces(LONG))
    for (const y of lines.slice(1)) expect(Math.max(...onLine(y).map((glyph) => glyph.x + glyph.width))).toBeCloseTo(A4_WIDTH - MARGIN, 0)
  })
})
