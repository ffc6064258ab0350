import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { readLabelRecords } from '../../../shared/negotiation/labelRecords.js'
import { statusesForSnapshot } from '../../../shared/paragraphStatus/frozenStatuses.js'
import { emptyNegotiation, withNegotiation } from '../../../shared/versions/canonicalNegotiation.js'
import { canonicalText, serializeCanonical } from '../../../shared/versions/canonicalText.js'
import { encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { api } from '../../helpers/api.js'
import { installDom } from '../../helpers/domGlobals.js'
import { applyEditorEdit, editorEdit, type EditorEdit } from '../../helpers/editorEdit.js'
import { openRawSync, type Closed } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { tamperedEdits } from '../../helpers/tamperedEdits.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'
import { collaborativeEditor, destroyEditors } from '../../shared/editor/editorHarness.js'


/** The version the browser's text makes, in form 2: the server's labels, and every paragraph open (none was marked). */
async function browserFreeze(doc: Parameters<typeof canonicalText>[0]): Promise<string> {
  const text = canonicalText(doc, readLabelRecords((await server.hub.acquire(DOC)).doc))
  const ids = text.blocks.flatMap((block) => (block.type === 'clause' && block.id ? [block.id] : []))
  return serializeCanonical(withNegotiation(text, { ...emptyNegotiation(), statuses: statusesForSnapshot(new Map(), ids) }))
}

const DOC = 'almaty-declaration'
const TAMPERED = 1000
const LANES = 4
const SEED = 20_261_201

let server: TestServer
let removeDom: () => void

beforeAll(async () => {
  removeDom = installDom()
  // Limits high enough that only what the updates hold, not how fast they come, closes the tampered editor.
  server = await startTestServer({ limits: { budget: { perSecond: 1e9, burst: 1e9 } } })
})

afterAll(async () => {
  destroyEditors()
  removeDom()
  await server.destroy()
})

/** Close codes a client's provider saw. */
function closesOf(client: SyncClient): number[] {
  const codes: number[] = []
  client.provider.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? 0))
  return codes
}

/** Typing, erasing and formatting: what delegates do while others negotiate the structure. */
const typing = fc.sample(
  editorEdit.filter((edit): edit is EditorEdit => edit.kind === 'type' || edit.kind === 'erase' || edit.kind === 'format'),
  { numRuns: 4000, seed: SEED },
)

describe('a tampered editor sending structure-breaking updates while others type', () => {
  it(`has all ${TAMPERED} refused; the honest editors converge, the read-only editor stays open, and the freeze matches the browser`, async () => {
    const honest = [connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr')), connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-chn'))]
    const observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-egy'))
    const closes = [...honest, observer].map(closesOf)
    await Promise.all([...honest, observer].map(whenSynced))
    // The read-only delegate's browser: the real editor and its Yjs binding, which deletes what the schema does not allow.
    const { editor } = collaborativeEditor(observer.doc)

    let typingOn = true
    const typed = honest.map(async (client, index) => {
      for (let n = index; typingOn; n += 2) {
        applyEditorEdit(client.doc, typing[n % typing.length]!)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })

    const attackerToken = await startSession(server.url, 'editor-nga')
    const picks = fc.sample(fc.tuple(fc.nat(tamperedEdits.length - 1), fc.nat(50)), { numRuns: TAMPERED, seed: SEED })
    const refusals: Closed[] = []
    const accepted: string[] = []
    let next = 0
    const lane = async () => {
      while (next < picks.length) {
        const [kind, pick] = picks[next++]!
        const socket = await openRawSync(server.wsUrl, DOC, attackerToken)
        // Built on what the server has sent, as a tampered browser would build it.
        const copy = new Y.Doc()
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(observer.doc))
        const before = Y.encodeStateVector(copy)
        tamperedEdits[kind]!.change(copy, pick)
        socket.send(encodeUpdateFrame(Y.encodeStateAsUpdate(copy, before)))
        if (await socket.probe()) {
          accepted.push(tamperedEdits[kind]!.name)
          socket.ws.close()
        } else refusals.push(await socket.closed)
      }
    }
    await Promise.all(Array.from({ length: LANES }, lane))
    typingOn = false
    await Promise.all(typed)

    expect(accepted).toEqual([])
    expect(refusals).toHaveLength(TAMPERED)
    expect(refusals.every((closed) => closed.code === CloseCode.changeRefused && closed.reason.includes('editor schema'))).toBe(true)

    const textOf = (client: SyncClient) => client.text.toString()
    await waitFor(() => textOf(honest[0]!) === textOf(honest[1]!) && textOf(observer) === textOf(honest[0]!), 'honest editors and the read-only one converge')
    expect(closes).toEqual([[], [], []])

    const chair = await startSession(server.url, 'chair')
    const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'After the attack', acceptInvisibleCharacters: true } })
    expect(frozen.status).toBe(201)
    const { version } = frozen.body as { version: { id: string } }
    const stored = await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${version.id}`, { token: chair })
    expect((stored.body as { serialized: string }).serialized).toBe(await browserFreeze(editor.state.doc))
    for (const client of [...honest, observer]) client.destroy()
  }, 300_000)

  it('merges honest concurrent splits, joins and deletions into a shape the read-only editor never has to correct', async () => {
    const honest = [connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr')), connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-chn'))]
    const observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
    const closes = [...honest, observer].map(closesOf)
    await Promise.all([...honest, observer].map(whenSynced))
    const { editor } = collaborativeEditor(observer.doc)
    // Two editors editing the same few clauses at once, with no wait between them, so their changes cross.
    const edits = fc.sample(fc.tuple(editorEdit, editorEdit), { numRuns: 400, seed: SEED + 1 }).map(([a, b]) => [{ ...a, clause: a.clause % 4 }, { ...b, clause: b.clause % 4 }] as const)
    for (const [first, second] of edits) {
      applyEditorEdit(honest[0]!.doc, first)
      applyEditorEdit(honest[1]!.doc, second)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const textOf = (client: SyncClient) => client.text.toString()
    await waitFor(() => textOf(honest[0]!) === textOf(honest[1]!) && textOf(observer) === textOf(honest[0]!), 'all three converge')
    expect(closes).toEqual([[], [], []])
    const chair = await startSession(server.url, 'chair')
    const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'After crossing edits', acceptInvisibleCharacters: true } })
    expect(frozen.status).toBe(201)
    const { version } = frozen.body as { version: { id: string } }
    const stored = await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${version.id}`, { token: chair })
    expect((stored.body as { serialized: string }).serialized).toBe(await browserFreeze(editor.state.doc))
    for (const client of [...honest, observer]) client.destroy()
  })
})
