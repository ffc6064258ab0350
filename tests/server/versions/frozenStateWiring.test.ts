import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import { api } from '../../helpers/api.js'
import { bracketOn, place } from '../../helpers/brackets.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let chair: string
let editor: SyncClient

beforeAll(async () => {
  server = await startTestServer()
  chair = await startSession(server.url, 'chair')
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  await whenSynced(editor)
})
afterAll(async () => {
  editor.destroy()
  await server.destroy()
})

describe('a freeze on the real server', () => {
  it('captures the statuses moderators set and the brackets they placed, from their own services', async () => {
    const agreed = clauseIdAt(editor.text, 14)
    expect((await api(server.url, 'PUT', `/api/declarations/${DOC}/paragraph-statuses/${agreed}`, { token: chair, body: { status: 'agreed' } })).status).toBe(200)
    const bracket = await place(server.url, chair, bracketOn(editor, 10, 'free of charge', ['USA']))
    const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.1' } })
    expect(frozen.status).toBe(201)
    const { version } = frozen.body as { version: { id: string } }
    const stored = (await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${version.id}`, { token: chair })).body as { serialized: string }
    const { negotiation } = JSON.parse(stored.serialized) as { negotiation: NegotiationSnapshot }
    expect(negotiation.statuses.find((entry) => entry.clauseId === agreed)?.status).toBe('agreed')
    expect(negotiation.statuses.filter((entry) => entry.status !== 'open')).toHaveLength(1)
    expect(negotiation.brackets.map((entry) => [entry.id, entry.requestedBy])).toEqual([[bracket.id, ['USA']]])
  })
})
