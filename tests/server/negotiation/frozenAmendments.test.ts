import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let client: SyncClient

beforeAll(async () => {
  server = await startTestServer()
  client = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  await whenSynced(client)
})
afterAll(async () => {
  client.destroy()
  await server.destroy()
})

describe('a frozen version and the amendments pending then', () => {
  it('records the pending amendments as a list with its own SHA-256, and keeps the version hash that of the text alone, the same with or without them', async () => {
    const proposer = await startSession(server.url, 'editor-chn')
    const chair = await startSession(server.url, 'chair')
    const propose = async (index: number, words: string, replacement: string) =>
      (await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
        token: proposer,
        body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, index), spans: [spanOnWords(client.text, index, words, replacement)] } },
      })).body as AmendmentView
    const pending = await propose(8, 'every learner', '每一位学习者')
    const rejected = await propose(9, 'financial barriers', 'all barriers')
    await api(server.url, 'POST', `/api/declarations/${DOC}/amendments/${rejected.number}/reject`, { token: chair, body: { reason: 'Too broad.' } })

    const frozen = (await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.1' } })).body as { version: VersionSummary }
    const detail = (await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${frozen.version.id}`, { token: chair })).body as VersionDetail
    expect(detail.sha256).toBe(await sha256Hex(detail.serialized))
    expect(detail.pendingAmendments).not.toBeNull()
    const list = JSON.parse(detail.pendingAmendments!.serialized) as { amendments: { label: string }[] }
    expect(list.amendments.map((amendment) => amendment.label)).toEqual([pending.label])
    expect(detail.pendingAmendments!.sha256).toBe(await sha256Hex(detail.pendingAmendments!.serialized))
    expect(detail.pendingAmendments!.serialized).toContain('每一位学习者')
    expect(detail.serialized).not.toContain('每一位学习者')

    // The same text frozen again with nothing pending: the text hash is the same, the list and its hash are not.
    expect((await api(server.url, 'POST', `/api/declarations/${DOC}/amendments/${pending.number}/withdraw`, { token: proposer })).status).toBe(200)
    const again = (await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.1a' } })).body as { version: VersionSummary }
    const unchanged = (await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${again.version.id}`, { token: chair })).body as VersionDetail
    expect(unchanged.sha256).toBe(detail.sha256)
    expect(JSON.parse(unchanged.pendingAmendments!.serialized)).toMatchObject({ amendments: [] })
    expect(unchanged.pendingAmendments!.sha256).not.toBe(detail.pendingAmendments!.sha256)
  })

  it('attributes the changes of accepted amendments in the redline: "OP2: A3 (Kazakhstan) accepted", "… accepted as revised"', async () => {
    const chair = await startSession(server.url, 'chair')
    const frozen = (await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.2' } })).body as { version: VersionSummary }
    const amendment = (await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: await startSession(server.url, 'editor-kaz'),
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 9), spans: [spanOnWords(client.text, 9, 'financial barriers', 'financial and legal barriers')] } },
    })).body as AmendmentView
    expect((await api(server.url, 'POST', `/api/declarations/${DOC}/amendments/${amendment.number}/accept`, { token: chair })).status).toBe(200)
    const revised = (await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: await startSession(server.url, 'signatory-pol'),
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 8), spans: [spanOnWords(client.text, 8, 'every learner', 'every pupil')] } },
    })).body as AmendmentView
    const revision = { kind: 'words', clauseId: clauseIdAt(client.text, 8), spans: [spanOnWords(client.text, 8, 'every learner', 'each learner')] }
    expect((await api(server.url, 'POST', `/api/declarations/${DOC}/amendments/${revised.number}/accept-revised`, { token: chair, body: { change: revision } })).status).toBe(200)
    const added = (await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: await startSession(server.url, 'editor-nga'),
      body: { change: { kind: 'paragraph.insert', after: clauseIdAt(client.text, 9), clauseKind: 'operative', content: [{ text: 'Invite all States to report.', marks: [] }] } },
    })).body as AmendmentView
    expect((await api(server.url, 'POST', `/api/declarations/${DOC}/amendments/${added.number}/accept`, { token: chair })).status).toBe(200)
    const compared = (await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${frozen.version.id}&to=live`, { token: chair })).body as {
      summary: string
      accepted: { text: string }[]
      paragraphs: { status: string; newLabel: string | null }[]
    }
    expect(compared.summary).toContain('OP2 changed')
    // The new paragraph is named by its own label in the round (OP2bis), not by the one it follows.
    const newLabel = compared.paragraphs.find((paragraph) => paragraph.status === 'added')?.newLabel
    expect(newLabel).toBe('OP2bis')
    expect(compared.accepted.map((line) => line.text)).toEqual([
      `OP2: ${amendment.label} (Kazakhstan) accepted`,
      `OP1: ${revised.label} (Poland) accepted as revised`,
      `OP2bis: ${added.label} (Nigeria) accepted`,
    ])
    // The earlier direction, and a version against itself, name none.
    const back = (await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${frozen.version.id}&to=${frozen.version.id}`, { token: chair })).body as { accepted: unknown[] }
    expect(back.accepted).toEqual([])
  })
})
