import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { DeclarationIndex } from '../../../shared/editor/DeclarationIndex.js'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import { closedParagraphTouched } from '../../../shared/paragraphStatus/closedParagraphCheck.js'

type Operation =
  | { kind: 'type'; writer: number; paragraph: number; offset: number; text: string }
  | { kind: 'erase'; writer: number; paragraph: number; offset: number; length: number }
  | { kind: 'remove'; writer: number; paragraph: number }
  | { kind: 'insert'; writer: number; paragraph: number }
  | { kind: 'send'; writer: number }
  | { kind: 'pull'; writer: number }
  | { kind: 'agree'; paragraph: number }
  | { kind: 'reopen'; paragraph: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), writer: fc.nat(2), paragraph: fc.nat(9), offset: fc.nat(40), text: fc.constantFrom('ә', 'x', '包容', ' ') }),
  fc.record({ kind: fc.constant('erase' as const), writer: fc.nat(2), paragraph: fc.nat(9), offset: fc.nat(40), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('remove' as const), writer: fc.nat(2), paragraph: fc.nat(9) }),
  fc.record({ kind: fc.constant('insert' as const), writer: fc.nat(2), paragraph: fc.nat(9) }),
  fc.record({ kind: fc.constant('send' as const), writer: fc.nat(2) }),
  fc.record({ kind: fc.constant('pull' as const), writer: fc.nat(2) }),
  fc.record({ kind: fc.constant('agree' as const), paragraph: fc.nat(9) }),
  fc.record({ kind: fc.constant('reopen' as const), paragraph: fc.nat(9) }),
)

const clausesOf = (doc: Y.Doc) =>
  doc
    .getXmlFragment(DECLARATION_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'clause')
const textOf = (clause: Y.XmlElement) => (clause.get(0) as Y.XmlText).toString()

/** A writer: its own copy, the updates it has not sent, and the paragraphs (by id) those change. */
interface Writer {
  doc: Y.Doc
  unsent: Uint8Array[]
  touched: Set<string>
}

function writerFrom(server: Y.Doc): Writer {
  const writer: Writer = { doc: new Y.Doc(), unsent: [], touched: new Set() }
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(server))
  writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') writer.unsent.push(update)
  })
  return writer
}

describe('the agreed-paragraph check under concurrent writers', () => {
  it('refuses exactly the updates that change a closed paragraph, so a closed paragraph never changes while it is closed', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 60 }), (operations) => {
        const paragraphs = Array.from({ length: 6 }, (_, index) => ({ kind: 'operative' as const, text: `Paragraph ${index} of the text, with some words;` }))
        const server = new Y.Doc()
        Y.applyUpdate(server, declarationState('Title', paragraphs))
        const index = new DeclarationIndex(server)
        const closed = new Map<string, string>()
        const writers = [writerFrom(server), writerFrom(server), writerFrom(server)]
        for (const op of operations) {
          if (op.kind === 'agree' || op.kind === 'reopen') {
            const clauses = clausesOf(server)
            const clause = clauses[op.paragraph % clauses.length]
            const id = clause?.getAttribute('id')
            if (!clause || typeof id !== 'string') continue
            if (op.kind === 'agree') closed.set(id, textOf(clause))
            else closed.delete(id)
            continue
          }
          const writer = writers[op.writer]!
          if (op.kind === 'pull') Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(server), 'server')
          else if (op.kind === 'send') {
            if (writer.unsent.length === 0) continue
            const update = Y.mergeUpdates(writer.unsent)
            const touched = closedParagraphTouched(index, [Y.decodeUpdate(update)], new Set(closed.keys()))
            const expected = [...writer.touched].some((id) => closed.has(id))
            expect(touched !== null).toBe(expected)
            if (touched === null) {
              Y.applyUpdate(server, update)
              writer.unsent = []
              writer.touched.clear()
            } else writers[op.writer] = writerFrom(server)
          } else {
            const clauses = clausesOf(writer.doc)
            const at = op.paragraph % clauses.length
            const clause = clauses[at]
            const id = clause?.getAttribute('id')
            if (!clause || typeof id !== 'string') continue
            const text = clause.get(0) as Y.XmlText
            if (op.kind === 'type') {
              text.insert(op.offset % (text.length + 1), op.text)
              writer.touched.add(id)
            } else if (op.kind === 'erase') {
              const from = op.offset % (text.length + 1)
              const length = Math.min(op.length, text.length - from)
              if (length === 0) continue
              text.delete(from, length)
              writer.touched.add(id)
            } else if (op.kind === 'remove' && clauses.length > 1) {
              writer.doc.getXmlFragment(DECLARATION_FRAGMENT).delete(writer.doc.getXmlFragment(DECLARATION_FRAGMENT).toArray().indexOf(clause), 1)
              writer.touched.add(id)
            } else if (op.kind === 'insert') {
              // A new paragraph after this one leaves it as it is.
              const fresh = new Y.XmlElement('clause')
              fresh.setAttribute('id', `new${writer.doc.clientID.toString(36)}${writer.unsent.length}`.slice(0, 32))
              fresh.setAttribute('kind', 'operative')
              fresh.insert(0, [new Y.XmlText('A new paragraph;')])
              const fragment = writer.doc.getXmlFragment(DECLARATION_FRAGMENT)
              fragment.insert(fragment.toArray().indexOf(clause) + 1, [fresh])
            }
          }
          for (const [id, text] of closed) {
            const clause = clausesOf(server).find((candidate) => candidate.getAttribute('id') === id)
            expect(clause && textOf(clause)).toBe(text)
          }
        }
        index.destroy()
      }),
      { numRuns: 300 },
    )
  })
})
