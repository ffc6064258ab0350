import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sha256Hex, type CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { NegotiationChanges } from '../../../shared/versions/negotiationChanges.js'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const BASE = `/api/declarations/${DOC}`

let server: TestServer
let moderator: string
/** What the statuses and brackets sources would say now. */
let statuses: Partial<NegotiationSnapshot>
let brackets: Partial<NegotiationSnapshot>
let op1: string
let op2: string

beforeEach(async () => {
  statuses = {}
  brackets = {}
  server = await startTestServer({ negotiation: [{ snapshot: async () => statuses }, { snapshot: async () => brackets }] })
  moderator = await startSession(server.url)
  const probe = connectClient(server.wsUrl, DOC, moderator)
  await whenSynced(probe)
  op1 = clauseIdAt(probe.text, 8)
  op2 = clauseIdAt(probe.text, 9)
  probe.destroy()
})
afterEach(() => server.destroy())

const freeze = async (name: string) => ((await api(server.url, 'POST', `${BASE}/versions`, { token: moderator, body: { name } })).body as { version: VersionSummary }).version
const detail = async (id: string) => (await api(server.url, 'GET', `${BASE}/versions/${id}`, { token: moderator })).body as VersionDetail

describe('a frozen version captures the negotiation state', () => {
  it('in canonical form 2, sorted, with the hash covering it; the redline names how the state moved', async () => {
    // Given out of order: the later id first.
    const [first, second] = [op1, op2].sort()
    // Given out of order, and with a status of a paragraph no longer in the text.
    statuses = { statuses: [{ clauseId: second!, status: 'agreed' }, { clauseId: 'gone00000001', status: 'agreed' }, { clauseId: first!, status: 'ad-referendum' }] }
    const zero = await freeze('Zero draft')
    const frozen = await detail(zero.id)
    const text = JSON.parse(frozen.serialized) as CanonicalText & { negotiation: NegotiationSnapshot }
    expect(text.format).toBe('kelisim-text/2')
    // Every paragraph of the text has its status, open where none is stored; the one gone is left out.
    const clauseIds = text.blocks.flatMap((block) => (block.type === 'clause' && block.id !== null ? [block.id] : [])).sort()
    const given: Record<string, string> = { [first!]: 'ad-referendum', [second!]: 'agreed' }
    expect(text.negotiation).toEqual({ statuses: clauseIds.map((clauseId) => ({ clauseId, status: given[clauseId] ?? 'open' })), brackets: [], alternatives: [] })
    expect(frozen.sha256).toBe(await sha256Hex(frozen.serialized))
    expect(frozen.intact).toBe(true)

    statuses = { statuses: [{ clauseId: first!, status: 'agreed' }, { clauseId: second!, status: 'agreed' }] }
    brackets = { brackets: [{ id: 'bracket-1', clauseId: op2, start: 0, end: 8, requestedBy: ['USA'], reason: '', placedBy: 'chair' }] }
    const rev1 = await freeze('Rev.1')
    expect(rev1.sha256).not.toBe(zero.sha256)
    const redline = (await api(server.url, 'GET', `${BASE}/redline?from=${zero.id}&to=${rev1.id}`, { token: moderator })).body as { summary: string; negotiation: NegotiationChanges }
    // The words did not change; the state did, and the new bracket prints into OP2's compared text.
    expect(redline.summary).toBe('OP2 changed.')
    expect(redline.negotiation.statuses).toEqual([{ clauseId: first, label: first === op1 ? 'OP1' : 'OP2', from: 'ad-referendum', to: 'agreed' }])
    expect(redline.negotiation.bracketsAdded).toMatchObject([{ id: 'bracket-1', label: 'OP2', requestedBy: ['USA'] }])
  })

  it('locks only while the state is still the one frozen, since the hash covers it', async () => {
    statuses = { statuses: [{ clauseId: op1, status: 'agreed' }] }
    const version = await freeze('Rev.1')
    statuses = { statuses: [{ clauseId: op1, status: 'open' }] }
    const refused = await api(server.url, 'POST', `${BASE}/versions/${version.id}/lock`, { token: moderator })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: 'draft_changed' })
    statuses = { statuses: [{ clauseId: op1, status: 'agreed' }] }
    expect((await api(server.url, 'POST', `${BASE}/versions/${version.id}/lock`, { token: moderator })).status).toBe(200)
  })
})
