import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLabelRecords, ROUND_BASE_KEY, ROUND_LABELS_MAP } from '../../../shared/negotiation/labelRecords.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let watcher: SyncClient

beforeAll(async () => {
  server = await startTestServer()
  watcher = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-egy'))
  await whenSynced(watcher)
})

afterAll(async () => {
  watcher.destroy()
  await server.destroy()
})

describe('the labels a round begins with', () => {
  it('travel as one text, which every peer reads as the labels, and older documents holding an object still read', async () => {
    const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: await startSession(server.url), body: { name: 'Rev.1' } })
    expect(frozen.status).toBe(201)
    const map = watcher.doc.getMap<unknown>(ROUND_LABELS_MAP)
    await waitFor(() => map.has(ROUND_BASE_KEY), 'the round began on the watcher')
    // Yjs copies a string whole at each merge of the change; an object of 2,000 entries is decoded and encoded again.
    const stored = map.get(ROUND_BASE_KEY)
    expect(typeof stored).toBe('string')
    const labels = readLabelRecords(watcher.doc)
    expect(labels.size).toBe(23)
    expect([...labels.values()].filter((label) => label.kind === 'operative').map((label) => label.number)).toEqual(Array.from({ length: 15 }, (_, n) => n + 1))

    const older = new Y.Doc()
    older.getMap(ROUND_LABELS_MAP).set(ROUND_BASE_KEY, JSON.parse(stored as string) as object)
    expect(readLabelRecords(older)).toEqual(labels)
  })
})
