import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText, clauseTexts } from '../../helpers/declarationText.js'
import { setStatus } from '../../helpers/paragraphStatuses.js'
import { labelOfId } from '../../helpers/roundLabels.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const BASE = `/api/declarations/${DOC}`
const OP3 = 10
const OP4 = 11
let server: TestServer
let chair: string
let proposer: string
let watcher: SyncClient
/** Another page: what it sees, the server has applied. */
let observer: SyncClient

beforeAll(async () => {
  server = await startTestServer()
  chair = await startSession(server.url, 'chair')
  proposer = await startSession(server.url, 'editor-kaz')
  watcher = connectClient(server.wsUrl, DOC, chair)
  observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  await Promise.all([whenSynced(watcher), whenSynced(observer)])
})
afterAll(async () => {
  watcher.destroy()
  observer.destroy()
  await server.destroy()
})

const freeze = async (name: string) => ((await api(server.url, 'POST', `${BASE}/versions`, { token: chair, body: { name } })).body as { version: VersionSummary }).version
const propose = async (change: unknown) => (await api(server.url, 'POST', `${BASE}/amendments`, { token: proposer, body: { change } })).body as AmendmentView

describe('agreed paragraphs across amendments and rounds', () => {
  it('an accepted new paragraph after an agreed one lands beside it as OP3bis, the agreed paragraph and its status untouched', async () => {
    const zero = await freeze('Zero draft')
    expect(zero.seq).toBe(1)
    const agreed = clauseIdAt(watcher.text, OP3)
    const before = clauseText(watcher.text, OP3).toString()
    const amendment = await propose({ kind: 'paragraph.insert', after: agreed, clauseKind: 'operative', content: [{ text: 'Further undertake to report;', marks: [] }] })
    expect((await setStatus(server.url, chair, DOC, agreed, { status: 'agreed' })).status).toBe(200)
    const accepted = await api(server.url, 'POST', `${BASE}/amendments/${amendment.number}/accept`, { token: chair })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    await waitFor(() => clauseTexts(watcher.text)[OP4] === 'Further undertake to report;', 'the new paragraph reaches another copy')
    expect(labelOfId(watcher, clauseIdAt(watcher.text, OP4))).toBe('OP3bis')
    expect(clauseText(watcher.text, OP3).toString()).toBe(before)
    const statuses = (await api(server.url, 'GET', `${BASE}/paragraph-statuses`, { token: chair })).body as { clauseId: string; status: string }[]
    expect(statuses.find((entry) => entry.clauseId === agreed)?.status).toBe('agreed')
  })

  it('an accept that would delete or move an agreed paragraph is refused with a clear reason, the amendment left pending', async () => {
    const agreed = clauseIdAt(watcher.text, OP3)
    const amendment = await propose({ kind: 'paragraph.insert', after: agreed, clauseKind: 'operative', content: [{ text: 'Also undertake to publish;', marks: [] }] })
    const texts = clauseTexts(watcher.text)
    for (const change of [{ kind: 'paragraph.delete', clauseId: agreed }, { kind: 'paragraph.move', clauseId: agreed, after: clauseIdAt(watcher.text, OP4 + 1) }]) {
      const refused = await api(server.url, 'POST', `${BASE}/amendments/${amendment.number}/accept-revised`, { token: chair, body: { change } })
      expect(refused.status).toBe(409)
      expect(refused.body).toEqual({ error: 'paragraph_agreed', message: 'The paragraph is agreed and closed: it takes no amendment until a moderator reopens it.' })
    }
    expect(clauseTexts(watcher.text)).toEqual(texts)
    const amendments = (await api(server.url, 'GET', `${BASE}/amendments`, { token: chair })).body as AmendmentView[]
    expect(amendments.find((candidate) => candidate.id === amendment.id)?.status).toBe('pending')
  })

  it('a new round from an older version is refused while it would change an agreed paragraph, and allowed once it is reopened', async () => {
    const agreed = clauseIdAt(watcher.text, OP3)
    const older = await freeze('Rev.1')
    // The agreed paragraph is edited while ad referendum, then agreed again: the older version has other words in it.
    expect((await setStatus(server.url, chair, DOC, agreed, { status: 'ad-referendum' })).status).toBe(200)
    clauseText(watcher.text, OP3).insert(0, 'Agreed wording: ')
    await waitFor(() => clauseTexts(observer.text)[OP3]!.startsWith('Agreed wording: '), 'the edit reaches the server and another copy')
    expect((await setStatus(server.url, chair, DOC, agreed, { status: 'agreed' })).status).toBe(200)
    const texts = clauseTexts(watcher.text)

    const refused = await api(server.url, 'POST', `${BASE}/versions/${older.id}/restore`, { token: chair })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({ error: 'restore_agreed', message: 'The version cannot start a new round: it would change OP3, which is agreed and closed. Reopen it first.' })
    expect(clauseTexts(watcher.text)).toEqual(texts)
    const russian = await api(server.url, 'POST', `${BASE}/versions/${older.id}/restore`, { token: chair, headers: { 'accept-language': 'ru' } })
    expect((russian.body as { message: string }).message).toBe('С этой версии нельзя начать новый раунд: она изменила бы пункт OP3, согласованный и закрытый. Сначала откройте его.')

    // A version whose agreed paragraph reads as it does now starts a round, the agreed paragraph kept.
    const same = await freeze('Rev.2')
    clauseText(watcher.text, OP4 + 1).insert(0, 'Draft words: ')
    await waitFor(() => clauseTexts(observer.text)[OP4 + 1]!.startsWith('Draft words: '), 'the edit reaches the server and another copy')
    expect((await api(server.url, 'POST', `${BASE}/versions/${same.id}/restore`, { token: chair })).status).toBe(204)
    await waitFor(() => !clauseTexts(observer.text)[OP4 + 1]!.startsWith('Draft words: '), 'the round reaches another copy')

    expect((await setStatus(server.url, chair, DOC, agreed, { status: 'open' })).status).toBe(200)
    expect((await api(server.url, 'POST', `${BASE}/versions/${older.id}/restore`, { token: chair })).status).toBe(204)
    await waitFor(() => !clauseTexts(observer.text)[OP3]!.startsWith('Agreed wording: '), 'the reopened paragraph takes the older words')
  })
})
