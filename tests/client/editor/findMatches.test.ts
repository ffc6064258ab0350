import fc from 'fast-check'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { findMatches } from '../../../client/src/editor/findMatches.js'
import { declarationSchema } from '../../../shared/editor/declarationExtensions.js'

const letters = fc.string({ unit: fc.constantFrom('a', 'B', 'ж', 'Ж', '中', 'ء', ' ', '.'), minLength: 1, maxLength: 8 })
/** A piece of a clause: text, a note or a line break. */
const piece = fc.oneof({ weight: 3, arbitrary: letters.map((text) => ({ text })) }, fc.constant({ note: true }), fc.constant({ break: true }))

function declaration(clauses: ({ text: string } | { note: boolean } | { break: boolean })[][]): ProseMirrorNode {
  const { nodes } = declarationSchema
  return nodes.doc!.create(null, [
    nodes.title!.create(null, declarationSchema.text('Title')),
    ...clauses.map((pieces) =>
      nodes.clause!.create(
        { kind: 'operative' },
        pieces.map((part) => ('text' in part ? declarationSchema.text(part.text) : 'note' in part ? nodes.footnote!.create({ text: 'aaa' }) : nodes.hardBreak!.create())),
      ),
    ),
  ])
}

describe('finding text in the declaration', () => {
  it('every hit covers the sought text exactly, in order, wherever notes and line breaks stand before it', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (clauses, pick, cut) => {
        const doc = declaration(clauses)
        const texts = clauses.flat().flatMap((part) => ('text' in part ? [part.text] : []))
        if (texts.length === 0) return
        const source = texts[pick % texts.length]!
        const start = cut % source.length
        const query = source.slice(start, start + 1 + (cut % 3)).toUpperCase()
        const matches = findMatches(doc, query)
        expect(matches.length).toBeGreaterThan(0)
        let last = 0
        for (const match of matches) {
          expect(match.from).toBeGreaterThanOrEqual(last)
          expect(doc.textBetween(match.from, match.to).toLowerCase()).toBe(query.toLowerCase())
          expect(doc.resolve(match.from).parent).toBe(doc.resolve(match.to).parent)
          last = match.to
        }
      }),
    )
  })

  it('finds nothing for an empty query and counts a word in every paragraph', () => {
    const doc = declaration([[{ text: 'Education for all' }], [{ text: 'Inclusive education' }, { note: true }, { text: ' and EDUCATION' }]])
    expect(findMatches(doc, '')).toEqual([])
    expect(findMatches(doc, 'education')).toHaveLength(3)
  })
})
