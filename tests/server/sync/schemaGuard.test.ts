import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { declarationProblems } from '../../../shared/editor/repairDeclaration.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { ProtocolViolation } from '../../../server/src/sync/ProtocolViolation.js'
import { SchemaGuard } from '../../../server/src/sync/SchemaGuard.js'
import { applyEditorEdit, editorEdit } from '../../helpers/editorEdit.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { takeAnotherClausesId, tamperedEdits } from '../../helpers/tamperedEdits.js'

const clauses = [
  { kind: 'preambular' as const, text: 'Recalling the Salamanca Statement,' },
  { kind: 'operative' as const, text: 'Calls upon all States to ensure inclusive education;' },
  { kind: 'operative' as const, text: 'Декларация қабылданды.' },
]

/** A server's copy of a declaration, guarded. */
function guarded(state = declarationState('Almaty Declaration', clauses)) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const { log, lines } = capturedLogger()
  return { doc, guard: new SchemaGuard(doc, 'test', log), lines }
}

/** What a client that holds a copy of `doc` sends after making a change. */
function updateFrom(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

function send(guard: SchemaGuard, update: Uint8Array): void {
  guard.apply(Y.decodeUpdate(update), update, 'client')
}

describe('the schema check of client updates', () => {
  it.each(tamperedEdits)('refuses $name with 4522 and a reason, applying none of it', ({ change }) => {
    for (const pick of [0, 1, 2]) {
      const { doc, guard } = guarded()
      const before = Y.encodeStateAsUpdate(doc)
      const update = updateFrom(doc, (copy) => change(copy, pick))
      let refusal: unknown = null
      try {
        send(guard, update)
      } catch (error) {
        refusal = error
      }
      expect(refusal).toBeInstanceOf(ProtocolViolation)
      expect((refusal as ProtocolViolation).code).toBe(CloseCode.changeRefused)
      expect((refusal as ProtocolViolation).message).toMatch(/editor schema: .{8,}/)
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    }
  })

  it("never lets a clause take another clause's id: the clause that held it keeps it, the other is renumbered", () => {
    const { doc, guard } = guarded()
    const ids = () => doc.getXmlFragment(DECLARATION_FRAGMENT).toArray().slice(1).map((node) => (node as Y.XmlElement).getAttribute('id'))
    const [first, second] = ids()
    send(guard, updateFrom(doc, (copy) => takeAnotherClausesId(copy, 0)))
    expect(ids()[0]).toBe(first)
    expect(ids()[1]).not.toBe(second)
    expect(ids()[1]).not.toBe(first)
    expect(declarationProblems(doc)).toEqual([])
  })

  it('accepts a title replaced by a new one in its place, deciding where it lands on a copy', () => {
    const { doc, guard } = guarded()
    send(
      guard,
      updateFrom(doc, (copy) => {
        const root = copy.getXmlFragment(DECLARATION_FRAGMENT)
        const title = new Y.XmlElement('title')
        title.insert(0, [new Y.XmlText('Алматы декларациясы')])
        root.delete(0, 1)
        root.insert(0, [title])
      }),
    )
    const root = doc.getXmlFragment(DECLARATION_FRAGMENT)
    expect((root.get(0) as Y.XmlElement).toString()).toBe('<title>Алматы декларациясы</title>')
    expect(declarationProblems(doc)).toEqual([])
  })

  it('keeps one title, first, when two editors replace it at once', () => {
    const { doc, guard } = guarded()
    const replace = (text: string) =>
      updateFrom(doc, (copy) => {
        const root = copy.getXmlFragment(DECLARATION_FRAGMENT)
        const title = new Y.XmlElement('title')
        title.insert(0, [new Y.XmlText(text)])
        root.delete(0, 1)
        root.insert(0, [title])
      })
    const updates = [replace('First new title'), replace('Second new title')]
    for (const update of updates) send(guard, update)
    const names = doc.getXmlFragment(DECLARATION_FRAGMENT).toArray().map((node) => (node as Y.XmlElement).nodeName)
    expect(names.filter((name) => name === 'title')).toHaveLength(1)
    expect(names[0]).toBe('title')
    expect(declarationProblems(doc)).toEqual([])
  })

  it('accepts every kind of honest editor edit, one after another', () => {
    fc.assert(
      fc.property(fc.array(editorEdit, { minLength: 1, maxLength: 30 }), (edits) => {
        const { doc, guard } = guarded()
        const client = new Y.Doc()
        Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
        client.on('update', (update: Uint8Array) => send(guard, update))
        for (const edit of edits) applyEditorEdit(client, edit)
        expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(client))
      }),
      { numRuns: 150 },
    )
  })

  it('accepts honest concurrent edits made on stale copies, and repairs what their merge breaks', () => {
    const step = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), writer: fc.nat(2), edit: editorEdit }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), writer: fc.nat(2) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('receive' as const), writer: fc.nat(2) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('sendOne' as const), writer: fc.nat(2), pick: fc.nat(9) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('resync' as const), writer: fc.nat(2) }) },
    )
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { doc, guard } = guarded()
        const writers = [0, 1, 2].map(() => {
          const copy = new Y.Doc()
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
          return copy
        })
        const unsent = writers.map(() => [] as Uint8Array[])
        writers.forEach((writer, index) => writer.on('update', (update: Uint8Array, origin: unknown) => origin !== 'server' && unsent[index]!.push(update)))
        const sendAll = (index: number) => {
          for (const update of unsent[index]!.splice(0)) send(guard, update)
        }
        for (const one of steps) {
          if (one.kind === 'edit') applyEditorEdit(writers[one.writer]!, one.edit)
          else if (one.kind === 'send') sendAll(one.writer)
          else if (one.kind === 'sendOne') {
            // Out of order, as a network that reorders frames delivers them.
            const queue = unsent[one.writer]!
            if (queue.length > 0) send(guard, queue.splice(one.pick % queue.length, 1)[0]!)
          } else if (one.kind === 'resync') {
            // A reconnect: everything the server lacks, in one update, then the server's side.
            unsent[one.writer] = []
            send(guard, Y.encodeStateAsUpdate(writers[one.writer]!, Y.encodeStateVector(doc)))
            Y.applyUpdate(writers[one.writer]!, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(writers[one.writer]!)), 'server')
          }
          else Y.applyUpdate(writers[one.writer]!, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(writers[one.writer]!)), 'server')
        }
        writers.forEach((_writer, index) => sendAll(index))
        expect(declarationProblems(doc)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('repairs a list that two honest concurrent deletions leave empty, refusing neither', () => {
    const state = Y.encodeStateAsUpdate(
      prosemirrorJSONToYDoc(
        declarationSchema,
        {
          type: 'doc',
          content: [
            { type: 'title', content: [{ type: 'text', text: 'Title' }] },
            { type: 'clause', attrs: { id: 'clause000001', kind: 'operative' }, content: [{ type: 'text', text: 'One' }] },
            {
              type: 'bulletList',
              content: ['a', 'b'].map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
            },
          ],
        },
        DECLARATION_FRAGMENT,
      ),
    )
    const { doc, guard } = guarded(state)
    const list = () => doc.getXmlFragment(DECLARATION_FRAGMENT).get(2) as Y.XmlElement
    // Each editor deletes one of the two items: valid alone, an empty list together.
    const first = updateFrom(doc, (copy) => (copy.getXmlFragment(DECLARATION_FRAGMENT).get(2) as Y.XmlElement).delete(0, 1))
    const second = updateFrom(doc, (copy) => (copy.getXmlFragment(DECLARATION_FRAGMENT).get(2) as Y.XmlElement).delete(1, 1))
    expect(list().length).toBe(2)
    send(guard, first)
    send(guard, second)
    expect(doc.getXmlFragment(DECLARATION_FRAGMENT).toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual(['title', 'clause'])
    expect(declarationProblems(doc)).toEqual([])
  })
})
