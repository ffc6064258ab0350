import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import type { DecisionEvent } from '../../../server/src/negotiation/AmendmentService.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
let server: TestServer
let client: SyncClient
/** Set while a test holds accepts at one of their steps. */
let hold: { at: DecisionEvent; reached: () => void; release: Promise<void> } | null = null
/** Decisions that have reached the service. */
let requested = 0

beforeAll(async () => {
  server = await startTestServer({
    amendmentDecisionHook: async (event) => {
      if (event === 'requested') requested += 1
      if (!hold || event !== hold.at) return
      hold.reached()
      await hold.release
    },
  })
  client = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  await whenSynced(client)
})
afterAll(async () => {
  client.destroy()
  await server.destroy()
})

describe('decisions that race', () => {
  it('a reject, a withdrawal and a second accept arriving while an accept is between text and record all wait, then are refused', async () => {
    const proposer = await startSession(server.url, 'editor-kaz')
    const chair = await startSession(server.url, 'chair')
    const amendment = (await api(server.url, 'POST', PATH, {
      token: proposer,
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 10), spans: [spanOnWords(client.text, 10, 'early identification', 'early and free identification')] } },
    })).body as AmendmentView

    let release!: () => void
    const reached = new Promise<void>((resolve) => {
      hold = { at: 'text-applied', reached: resolve, release: new Promise<void>((done) => (release = done)) }
    })
    const accepting = api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair })
    await reached
    hold = null
    const before = requested
    const answered: string[] = []
    const racing = [
      api(server.url, 'POST', `${PATH}/${amendment.number}/reject`, { token: chair, body: { reason: 'Late objection.' } }),
      api(server.url, 'POST', `${PATH}/${amendment.number}/withdraw`, { token: proposer }),
      api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair }),
    ].map((request, index) => request.then((answer) => (answered.push(String(index)), answer)))
    // The text is on disk and seen by everyone, but the decision is not stored yet; the others arrive meanwhile.
    await waitFor(() => clauseText(client.text, 10).toString().includes('early and free identification'), 'the accepted text arrives')
    await waitFor(() => requested === before + 3, 'the racing decisions reach the server')
    expect(answered).toEqual([])
    release()
    expect((await accepting).status).toBe(200)
    expect((await Promise.all(racing)).map((answer) => answer.status)).toEqual([409, 409, 409])
    const stored = ((await api(server.url, 'GET', PATH, { token: chair })).body as AmendmentView[]).find((candidate) => candidate.id === amendment.id)
    expect(stored?.status).toBe('accepted')
    expect(clauseText(client.text, 10).toString().split('early and free identification')).toHaveLength(2)
  })

  it('an edit of its words arriving after an accept is stored with its update, before it is applied, flags it instead: the update is never applied', async () => {
    const proposer = await startSession(server.url, 'editor-kaz')
    const chair = await startSession(server.url, 'chair')
    const editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    await whenSynced(editor)
    const amendment = (await api(server.url, 'POST', PATH, {
      token: proposer,
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 11), spans: [spanOnWords(client.text, 11, 'human oversight', 'meaningful human oversight')] } },
    })).body as AmendmentView
    let release!: () => void
    const reached = new Promise<void>((resolve) => {
      hold = { at: 'accept-stored', reached: resolve, release: new Promise<void>((done) => (release = done)) }
    })
    const accepting = api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair })
    expect(await Promise.race([reached.then(() => 'held'), accepting.then(() => 'answered')])).toBe('held')
    hold = null
    const text = clauseText(editor.text, 11)
    text.delete(text.toString().indexOf('human oversight'), 1)
    await waitFor(() => clauseText(client.text, 11).toString().includes(' uman oversight'), 'the edit reaches the server')
    release()
    const answer = await accepting
    expect([answer.status, (answer.body as AmendmentView).status]).toEqual([409, 'needs-update'])
    expect(clauseText(client.text, 11).toString()).not.toContain('meaningful')
    editor.destroy()
  })
})
