import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import { placeSpan } from '../../../shared/brackets/bracketSpans.js'
import { frozenBrackets } from '../../../shared/brackets/frozenBrackets.js'
import { anchorBetween } from '../../../shared/comments/anchors.js'

const CLAUSE = 'clause00001'
const SPAN_START = 4
const SPAN_END = 10
const LENGTH = 14

/** Every character is unique, so each can be followed through the edits. */
let fresh = 0
const newChar = () => String.fromCharCode(0x4e00 + fresh++)

function seeded(): { doc: Y.Doc; text: Y.XmlText; chars: string } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const clause = new Y.XmlElement('clause')
  clause.setAttribute('id', CLAUSE)
  const text = new Y.XmlText()
  const chars = Array.from({ length: LENGTH }, newChar).join('')
  text.insert(0, chars)
  clause.insert(0, [text])
  fragment.insert(0, [new Y.XmlElement('title'), clause])
  return { doc, text, chars }
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** Where a character must end up: inside the span, left or right of it, or either (an edge whose neighbour was gone). */
type Place = 'in' | 'left' | 'right' | 'any'

type Op =
  | { kind: 'insert'; client: number; where: number }
  | { kind: 'delete'; client: number; where: number; size: number }
  | { kind: 'delete-bracketed'; client: number }
  | { kind: 'sync'; from: number; to: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), client: fc.nat(1), where: fc.nat(1000) }),
  fc.record({ kind: fc.constant('delete' as const), client: fc.nat(1), where: fc.nat(1000), size: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('delete-bracketed' as const), client: fc.nat(1) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(1), to: fc.nat(1) }),
)

function item(kind: 'bracket' | 'alternatives', anchor: BracketItem['anchor'], id: string): BracketItem {
  const placed = { id, clauseId: CLAUSE, anchor, quote: '', placedBy: { id: 'p', name: 'Chair', delegation: 'KAZ' }, placedAt: '', resolvedBy: null, resolvedAt: null, version: 1 }
  return kind === 'bracket'
    ? { kind, ...placed, requestedBy: ['KAZ'], reason: '', status: 'open' }
    : { kind, ...placed, options: [{ text: 'shall', proposedBy: ['KAZ'] }, { text: 'should', proposedBy: ['USA'] }], status: 'open', chosen: null }
}

/** Where a character typed between two neighbours (undefined at the paragraph's ends) must end up. */
function placeOfInsert(left: string | undefined, right: string | undefined, places: Map<string, Place>, edges: { first: string; last: string }): Place {
  const leftPlace = left === undefined ? 'left' : places.get(left)!
  const rightPlace = right === undefined ? 'right' : places.get(right)!
  if (leftPlace === 'in' && rightPlace === 'in') return 'in'
  if (leftPlace === 'left' && rightPlace === 'left') return 'left'
  if (leftPlace === 'right' && rightPlace === 'right') return 'right'
  // Typed at an edge while its first or last word is there: it stays outside.
  if (leftPlace === 'left' && right === edges.first) return 'left'
  if (rightPlace === 'right' && left === edges.last) return 'right'
  return 'any'
}

describe('bracket and alternatives anchors', () => {
  it('follow their words through concurrent edits inside and around them, and stay as an empty bracket when all are deleted', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.constantFrom('bracket' as const, 'alternatives' as const), (ops, kind) => {
        const origin = seeded()
        const anchor = anchorBetween({ type: origin.text, index: SPAN_START }, { type: origin.text, index: SPAN_END })
        const items = [item(kind, anchor, 'a'), item(kind === 'bracket' ? 'alternatives' : 'bracket', null, 'b')]
        const places = new Map<string, Place>([...origin.chars].map((char, index) => [char, index < SPAN_START ? 'left' : index < SPAN_END ? 'in' : 'right']))
        const edges = { first: origin.chars[SPAN_START]!, last: origin.chars[SPAN_END - 1]! }
        const docs = [origin.doc, new Y.Doc()]
        sync(origin.doc, docs[1]!)
        for (const step of ops) {
          if (step.kind === 'sync') {
            sync(docs[step.from]!, docs[step.to]!)
            continue
          }
          const doc = docs[step.client]!
          const text = textOf(doc)
          const now = text.toString()
          if (step.kind === 'insert') {
            const where = step.where % (now.length + 1)
            const char = newChar()
            places.set(char, placeOfInsert(now[where - 1], now[where], places, edges))
            text.insert(where, char)
          } else if (step.kind === 'delete') {
            if (now.length === 0) continue
            const where = step.where % now.length
            text.delete(where, Math.min(step.size, now.length - where))
          } else {
            const span = placeSpan(doc, CLAUSE, anchor)!
            if (span.end > span.start) text.delete(span.start, span.end - span.start)
          }
        }
        sync(docs[0]!, docs[1]!)
        sync(docs[1]!, docs[0]!)

        const frozen = docs.map((doc) => frozenBrackets(doc, items))
        expect(frozen[1]).toEqual(frozen[0])
        const anchored = [...frozen[0]!.brackets, ...frozen[0]!.alternatives].find((found) => found.id === 'a')!
        const whole = [...frozen[0]!.brackets, ...frozen[0]!.alternatives].find((found) => found.id === 'b')!
        const final = textOf(docs[0]!).toString()
        expect(whole).toMatchObject({ start: 0, end: final.length })
        ;[...final].forEach((char, index) => {
          const place = places.get(char)!
          if (place === 'in') expect(index >= anchored.start && index < anchored.end, `${char} inside`).toBe(true)
          if (place === 'left') expect(index < anchored.start, `${char} left`).toBe(true)
          if (place === 'right') expect(index >= anchored.end, `${char} right`).toBe(true)
        })
        // With every bracketed word gone, the bracket is still there, empty, between the words around it.
        if (![...final].some((char) => places.get(char) === 'in' || places.get(char) === 'any')) expect(anchored.end).toBe(anchored.start)
      }),
      { numRuns: 300 },
    )
  })
})
