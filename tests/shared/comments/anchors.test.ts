import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorBetween, decodePosition, resolveAnchor } from '../../../shared/comments/anchors.js'

const QUOTE = 'beta gamma'

/** A document with a title and one clause, as the editor writes them. */
function seeded(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const title = new Y.XmlElement('title')
  const clause = new Y.XmlElement('clause')
  clause.setAttribute('id', 'clause00001')
  const text = new Y.XmlText()
  text.insert(0, `alpha ${QUOTE} delta`)
  clause.insert(0, [text])
  fragment.insert(0, [title, clause])
  return { doc, text }
}

function textOf(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** Where the anchored span is in this copy now, as indices into the clause text. */
function span(doc: Y.Doc, anchor: ReturnType<typeof anchorBetween>): [number, number] {
  const start = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.start), doc)!
  const end = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.end), doc)!
  return [start.index, end.index]
}

type Op = { kind: 'insert' | 'delete'; client: number; where: number; size: number; text: string } | { kind: 'sync'; from: number; to: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'delete' as const), client: fc.nat(2), where: fc.nat(1000), size: fc.integer({ min: 1, max: 4 }), text: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
)

describe('comment anchors', () => {
  it('cover exactly the same words after any concurrent edits that leave those words alone', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const origin = seeded()
        const anchor = anchorBetween({ type: origin.text, index: 6 }, { type: origin.text, index: 6 + QUOTE.length })
        const docs = [origin.doc, new Y.Doc(), new Y.Doc()]
        for (const doc of docs.slice(1)) sync(origin.doc, doc)
        for (const step of ops) {
          if (step.kind === 'sync') {
            sync(docs[step.from]!, docs[step.to]!)
            continue
          }
          const doc = docs[step.client]!
          const text = textOf(doc)
          const [start, end] = span(doc, anchor)
          // Outside the span only: inserts at or before its start or at or after its end; deletes that end before it
          // or start after it.
          const candidates = [...Array(text.length + 1).keys()].filter((index) =>
            step.kind === 'insert' ? index <= start || index >= end : index < start || (index >= end && index < text.length),
          )
          if (candidates.length === 0) continue
          const where = candidates[step.where % candidates.length]!
          if (step.kind === 'insert') text.insert(where, step.text)
          else text.delete(where, Math.min(step.size, (where < start ? start : text.length) - where))
        }
        for (const a of docs) for (const b of docs) sync(a, b)
        for (const doc of docs) expect(resolveAnchor(doc, anchor)).toEqual({ clauseId: 'clause00001', text: QUOTE, removed: false })
      }),
      { numRuns: 200 },
    )
  })

  it('report the text removed, and keep the paragraph, when the words are deleted', () => {
    const { doc, text } = seeded()
    const anchor = anchorBetween({ type: text, index: 6 }, { type: text, index: 6 + QUOTE.length })
    text.delete(4, QUOTE.length + 4)
    expect(resolveAnchor(doc, anchor)).toEqual({ clauseId: 'clause00001', text: '', removed: true })
  })

  it('treat positions that point nowhere in this document as removed text', () => {
    const { doc } = seeded()
    expect(resolveAnchor(doc, { start: 'AAAA', end: 'AAAA' })).toMatchObject({ removed: true })
  })
})
