import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { barrier, type Barrier } from '../../helpers/barrier.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
const PROPOSED = 'financial and legal barriers'
let server: TestServer
let client: SyncClient
let freezeRead: Barrier | null = null
let onRequested: (() => void) | null = null
/** Decisions that have started, alone in their declaration's queue. */
let started = 0

beforeAll(async () => {
  server = await startTestServer({
    hooks: { afterFreezeRead: async () => freezeRead?.hold() },
    amendmentDecisionHook: async (event) => {
      if (event === 'requested') onRequested?.()
      if (event === 'started') started += 1
    },
  })
  client = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  await whenSynced(client)
})
afterAll(async () => {
  client.destroy()
  await server.destroy()
})

describe('a freeze and an accept that race', () => {
  it('reads the text and the pending amendments in one step: an accept asked for between the two reads waits', async () => {
    const chair = await startSession(server.url, 'chair')
    const amendment = (await api(server.url, 'POST', PATH, {
      token: await startSession(server.url, 'editor-kaz'),
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 9), spans: [spanOnWords(client.text, 9, 'financial barriers', PROPOSED)] } },
    })).body as AmendmentView

    freezeRead = barrier()
    const freezing = api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.1' } })
    await freezeRead.reached
    const requested = new Promise<void>((resolve) => (onRequested = resolve))
    const before = started
    const accepting = api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair })
    await requested
    // From its arrival an accept that may run starts without waiting for any input or output: one turn is enough.
    await new Promise((resolve) => setImmediate(resolve))
    // Had it started, it would land between the two reads: let it finish there before the freeze reads on.
    if (started > before) expect((await accepting).status).toBe(200)
    freezeRead.open()

    const frozen = await freezing
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201)
    expect((await accepting).status).toBe(200)
    const { version } = frozen.body as { version: VersionSummary }
    const detail = (await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${version.id}`, { token: chair })).body as VersionDetail
    const pending = (JSON.parse(detail.pendingAmendments!.serialized) as { amendments: { label: string }[] }).amendments.map((entry) => entry.label)
    // The version has the amendment in exactly one place: still pending beside a text without it.
    expect([detail.serialized.includes(PROPOSED), pending]).toEqual([false, [amendment.label]])
  })
})
