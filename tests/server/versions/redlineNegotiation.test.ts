import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NegotiationChanges } from '../../../shared/versions/negotiationChanges.js'
import type { Redline } from '../../../shared/versions/redline.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { alternativesOn, bracketOn, BRACKETS_PATH, place } from '../../helpers/brackets.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { setStatus } from '../../helpers/paragraphStatuses.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const BASE = `/api/declarations/${DOC}`
let server: TestServer
let chair: string
let client: SyncClient

beforeAll(async () => {
  server = await startTestServer()
  chair = await startSession(server.url, 'chair')
  client = connectClient(server.wsUrl, DOC, chair)
  await whenSynced(client)
})
afterAll(async () => {
  client.destroy()
  await server.destroy()
})

const freeze = async (name: string) => ((await api(server.url, 'POST', `${BASE}/versions`, { token: chair, body: { name } })).body as { version: VersionSummary }).version
const compare = async (from: VersionSummary, to: VersionSummary, language = 'en') =>
  (await api(server.url, 'GET', `${BASE}/redline?from=${from.id}&to=${to.id}`, { token: chair, headers: { 'accept-language': language } })).body as Redline & { negotiation: NegotiationChanges & { sentences: string[] } }
const marked = (redline: Redline, kind: 'inserted' | 'deleted', label: string) =>
  redline.paragraphs.find((paragraph) => paragraph.newLabel === label)!.parts.filter((part) => part.kind === kind).map((part) => part.text.trim())

describe('the redline of two versions shows how the negotiation state moved', () => {
  it('brackets placed and lifted as literal [ ], alternatives resolved, status changes, each also in a sentence', async () => {
    const zero = await freeze('Zero draft')
    const bracket = await place(server.url, chair, bracketOn(client, 14, 'speech and language therapy', ['KAZ', 'POL']))
    const alternatives = await place(server.url, chair, alternativesOn(client, 11, 'be guided by', [['be guided by', 'KAZ'], ['respect', 'USA']]))
    const op = clauseIdAt(client.text, 16)
    expect((await setStatus(server.url, chair, DOC, op, { status: 'agreed' })).status).toBe(200)
    const rev1 = await freeze('Rev.1')

    const placed = await compare(zero, rev1)
    const bracketed = placed.paragraphs.find((paragraph) => paragraph.id === bracket.clauseId)!
    expect(bracketed.status).toBe('changed')
    // The words are untouched: only the two brackets are new, each where the bracket stands.
    expect(bracketed.parts.filter((part) => part.kind === 'deleted')).toEqual([])
    const printed = bracketed.parts.map((part) => part.text).join('')
    expect(printed).toContain('[speech and language therapy]')
    expect(marked(placed, 'inserted', bracketed.newLabel!).join('')).toBe('[]')
    const alternated = placed.paragraphs.find((paragraph) => paragraph.id === alternatives.clauseId)!
    expect(alternated.parts.map((part) => part.text).join('')).toContain('[Alt 1: be guided by (KAZ) / Alt 2: respect (USA)]')
    expect(placed.negotiation.sentences).toEqual(
      expect.arrayContaining([`${bracketed.newLabel}: bracket placed around “speech and language therapy”`, `${alternated.newLabel}: 2 alternatives proposed`, expect.stringMatching(/: open → agreed$/)]),
    )
    // The alternatives print in the reader's language.
    expect((await compare(zero, rev1, 'ru')).paragraphs.find((paragraph) => paragraph.id === alternatives.clauseId)!.parts.map((part) => part.text).join('')).toContain('[Вариант 1: be guided by (KAZ) / Вариант 2: respect (USA)]')

    expect((await api(server.url, 'POST', `${BRACKETS_PATH}/${bracket.id}/resolve`, { token: chair, body: { action: 'lift' } })).status).toBe(200)
    expect((await api(server.url, 'POST', `${BRACKETS_PATH}/${alternatives.id}/resolve`, { token: chair, body: { action: 'choose', option: 2 } })).status).toBe(200)
    const rev2 = await freeze('Rev.2')
    const lifted = await compare(rev1, rev2)
    expect(marked(lifted, 'deleted', bracketed.newLabel!).join('')).toBe('[]')
    expect(marked(lifted, 'inserted', bracketed.newLabel!)).toEqual([])
    const chosen = lifted.paragraphs.find((paragraph) => paragraph.id === alternatives.clauseId)!
    const newer = chosen.parts.filter((part) => part.kind !== 'deleted').map((part) => part.text).join('')
    expect(newer).toContain('respect')
    expect(newer).not.toContain('Alt')
    expect(chosen.parts.filter((part) => part.kind === 'deleted').map((part) => part.text).join('')).toContain('Alt 1: be guided by (KAZ)')
    expect(lifted.negotiation.sentences).toEqual(
      expect.arrayContaining([`${bracketed.newLabel}: bracket lifted from “speech and language therapy”`, `${chosen.newLabel}: alternatives resolved (Alt 1 “be guided by” / Alt 2 “respect”)`]),
    )
  })
})
