import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anchorBetween, resolveAnchor } from '../../../shared/comments/anchors.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanAt } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
/** The clause the property works on (OP7), and the words at its start a comment is anchored on. */
const CLAUSE = 14
const COMMENTED = 7

let server: TestServer
let chair: string
let proposer: string
let editor: SyncClient
let observer: SyncClient
/** Amendments as the server pushed them to the observer. */
let pushed: AmendmentView[]

beforeAll(async () => {
  server = await startTestServer()
  chair = await startSession(server.url, 'chair')
  proposer = await startSession(server.url, 'editor-kaz')
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  pushed = pushedAmendments(observer)
  await Promise.all([whenSynced(editor), whenSynced(observer)])
})
afterAll(async () => {
  editor.destroy()
  observer.destroy()
  await server.destroy()
})

/** Where a concurrent edit lands: between the comment and the span, inside the span, or after it. */
type Region = 'between' | 'inside' | 'after'
interface Edit {
  region: Region
  /** Where in the region, as a fraction of its length. */
  at: number
  insert: string
  remove: number
}

const words = fc.constantFrom('', 'and girls', 'жəне қыздар', 'и девочек', '和女童', 'والفتيات', 'shall', 'should')
const edit: fc.Arbitrary<Edit> = fc.record({ region: fc.constantFrom<Region>('between', 'inside', 'after'), at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom('', 'x', 'всех ', '各 '), remove: fc.integer({ min: 0, max: 3 }) })

describe('accepting an amendment after concurrent edits', () => {
  it('equals the same change by hand, or is flagged "needs update" as soon as its words are edited and then updated; edits outside never flag it; a comment elsewhere keeps its words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 12 }), words, fc.array(edit, { maxLength: 3 }), async (offset, length, replacement, edits) => {
        const text = clauseText(editor.text, CLAUSE)
        const start = COMMENTED + offset
        const end = Math.min(start + length, text.length)
        if (start === end && replacement === '') return
        const commented = text.toString().slice(0, COMMENTED)
        const thread = (await api(server.url, 'POST', `/api/declarations/${DOC}/threads`, {
          token: chair,
          body: { clauseId: clauseIdAt(editor.text, CLAUSE), anchor: anchorBetween({ type: text, index: 0 }, { type: text, index: COMMENTED }), body: 'Keep these words.' },
        })).body as ThreadView
        const proposed = await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
          token: proposer,
          body: { change: { kind: 'words', clauseId: clauseIdAt(editor.text, CLAUSE), spans: [spanAt(editor.text, CLAUSE, start, end, replacement)] } },
        })
        expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
        const amendment = proposed.body as AmendmentView

        // The same change by hand: a plain string with the span's ends tracked through each edit.
        let plain = text.toString()
        let from = start
        let to = end
        let touched = false
        for (const change of edits) {
          if (change.region === 'inside') {
            // Deleting words of the span is the edit that must flag it.
            if (from === to) continue
            const removeAt = from + Math.floor(change.at * (to - from))
            const count = Math.min(Math.max(1, change.remove), to - removeAt)
            text.delete(removeAt, count)
            plain = plain.slice(0, removeAt) + plain.slice(removeAt + count)
            to -= count
            touched = true
            continue
          }
          // Typing at an insertion point is typing inside it, so an empty span's own point is left out of both regions.
          const edge = from === to ? from - 1 : from
          const [low, high] = change.region === 'between' ? [COMMENTED, edge] : [from === to ? to + 1 : to, plain.length]
          if (high < low) continue
          const at = low + Math.floor(change.at * (high - low))
          if (change.insert) {
            text.insert(at, change.insert)
            plain = plain.slice(0, at) + change.insert + plain.slice(at)
            if (change.region === 'between') [from, to] = [from + change.insert.length, to + change.insert.length]
          }
          const removeAt = at + change.insert.length
          const count = Math.min(change.remove, (change.region === 'between' ? edge : plain.length) - removeAt)
          if (count > 0) {
            text.delete(removeAt, count)
            plain = plain.slice(0, removeAt) + plain.slice(removeAt + count)
            if (change.region === 'between') [from, to] = [from - count, to - count]
          }
        }
        await waitFor(() => clauseText(observer.text, CLAUSE).toString() === plain, 'the edits reach the server')

        const accept = () => api(server.url, 'POST', `/api/declarations/${DOC}/amendments/${amendment.number}/accept`, { token: chair })
        if (touched) {
          // Flagged as soon as its words were edited, before anyone tries to accept it.
          await waitFor(() => pushed.some((view) => view.id === amendment.id && view.status === 'needs-update'), 'the amendment is pushed as "needs update"')
          if (from === to && replacement === '') {
            const refused = await accept()
            expect(refused.status).toBe(409)
            expect((refused.body as AmendmentView).status).toBe('needs-update')
            expect(clauseText(observer.text, CLAUSE).toString()).toBe(plain)
            return
          }
          // Its delegation updates it against the new text: pending again, and accepted like any other.
          const updated = await api(server.url, 'PATCH', `/api/declarations/${DOC}/amendments/${amendment.number}`, {
            token: proposer,
            body: { change: { kind: 'words', clauseId: clauseIdAt(editor.text, CLAUSE), spans: [spanAt(editor.text, CLAUSE, from, to, replacement)] } },
          })
          expect(updated.status, JSON.stringify(updated.body)).toBe(200)
          expect((updated.body as AmendmentView).status).toBe('pending')
        }
        const accepted = await accept()
        expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
        const expected = plain.slice(0, from) + replacement + plain.slice(to)
        await waitFor(() => clauseText(observer.text, CLAUSE).toString() === expected, `the observer sees the change made by hand: ${expected}`)
        expect(resolveAnchor(observer.doc, thread.anchor!).text).toBe(commented)
      }),
      { numRuns: 60 },
    )
  })
})
