import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updatePieces } from '../../../client/src/sync/updatePieces.js'

/** One edit: insert text at a fraction of a paragraph, delete a span, or add a paragraph, by one of two writers. */
const edit = fc.record({
  writer: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom('insert', 'delete', 'paragraph'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.string({ unit: fc.constantFrom('a', 'Қ', '中', 'ع', '😀', ' '), minLength: 1, maxLength: 60 }),
})

describe('updatePieces', () => {
  it('cuts any update into pieces under the limit that apply one after the other, with nothing left waiting', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 60 }), fc.integer({ min: 64, max: 512 }), (edits, maxBytes) => {
        const base = new Y.Doc()
        base.getXmlFragment('default').insert(0, [new Y.XmlElement('clause')])
        const writers = [new Y.Doc(), new Y.Doc()]
        for (const writer of writers) Y.applyUpdate(writer, Y.encodeStateAsUpdate(base))
        for (const { writer, kind, at, text } of edits) {
          const doc = writers[writer]!
          const fragment = doc.getXmlFragment('default')
          const paragraph = fragment.get(Math.floor(at * fragment.length) % fragment.length) as Y.XmlElement
          if (kind === 'paragraph') fragment.insert(fragment.length, [new Y.XmlElement('clause')])
          else if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText(text)])
          else {
            const node = paragraph.get(0) as Y.XmlText
            const position = Math.floor(at * node.length)
            if (kind === 'insert') node.insert(position, text)
            else node.delete(position, Math.min(text.length, node.length - position))
          }
          // The other writer hears some edits, so updates build on both.
          if (at < 0.5) Y.applyUpdate(writers[1 - writer]!, Y.encodeStateAsUpdate(doc))
        }
        const merged = new Y.Doc()
        for (const writer of writers) Y.applyUpdate(merged, Y.encodeStateAsUpdate(writer))
        const update = Y.encodeStateAsUpdate(merged, Y.encodeStateVector(base))

        const receiver = new Y.Doc()
        Y.applyUpdate(receiver, Y.encodeStateAsUpdate(base))
        const pieces = updatePieces(update, maxBytes)
        for (const piece of pieces) {
          Y.applyUpdate(receiver, piece)
          expect(receiver.store.pendingStructs).toBeNull()
          expect(receiver.store.pendingDs).toBeNull()
        }
        // Single items too large to cut are the only pieces allowed over the limit; these edits have none.
        if (update.byteLength > maxBytes) for (const piece of pieces) expect(piece.byteLength).toBeLessThanOrEqual(maxBytes + 16)
        expect(Y.encodeStateVector(receiver)).toEqual(Y.encodeStateVector(merged))
        expect(receiver.getXmlFragment('default').toString()).toBe(merged.getXmlFragment('default').toString())
      }),
      { numRuns: 200 },
    )
  })
})
