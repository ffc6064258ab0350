import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import type { ParagraphStatusView } from '../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { api } from '../../helpers/api.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { nextClose, pushedControls, setStatus } from '../../helpers/paragraphStatuses.js'
import { roomOnServer } from '../../helpers/roomOnServer.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'

const DOC = 'almaty-declaration'
const OP3 = 10
const OP4 = 11
const room = roomOnServer({ sessions: { chair: 'chair' }, clients: { watcher: 'observer-idn' } })

const serverStateVector = async () => Y.encodeStateVector((await room.server.hub.acquire(DOC)).doc)

async function typingClient(login: string): Promise<SyncClient> {
  const client = connectClient(room.server.wsUrl, DOC, await startSession(room.server.url, login))
  await whenSynced(client)
  return client
}

describe('an agreed paragraph is closed', () => {
  it('is pushed to every page, stored on disk before the answer and recorded; then refuses keystrokes from editors and moderators with 4522, while other paragraphs take them', async () => {
    const pushes = pushedControls(room.watcher)
    const clauseId = clauseIdAt(room.watcher.text, OP3)
    const answer = await setStatus(room.server.url, room.chair, DOC, clauseId, { status: 'agreed' })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ clauseId, status: 'agreed', setBy: { name: 'Aigerim Seitkali', delegation: { code: 'KAZ' } } })
    const stored = JSON.parse(await readFile(join(room.server.dataDir, 'paragraph-statuses', `${DOC}.json`), 'utf8')) as { statuses: Record<string, { status: string }> }
    expect(stored.statuses[clauseId]?.status).toBe('agreed')
    await waitFor(() => pushes.some((message) => message.type === 'status' && message.status.clauseId === clauseId && message.status.status === 'agreed'), 'the status reaches another page')
    const listed = (await api(room.server.url, 'GET', `/api/declarations/${DOC}/paragraph-statuses`, { token: room.chair })).body as ParagraphStatusView[]
    expect(listed.map((view) => [view.clauseId, view.status])).toEqual([[clauseId, 'agreed']])
    const audit = JSON.stringify((await api(room.server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: room.chair })).body)
    expect(audit).toContain('"action":"paragraph.status-set"')
    expect(audit).toContain('"paragraph":"OP3"')

    for (const login of ['editor-gbr', 'chair']) {
      const client = await typingClient(login)
      const before = await serverStateVector()
      const closed = nextClose(client)
      clauseText(client.text, OP3).insert(5, '[not any more] ')
      expect(await closed).toEqual({ code: CloseCode.changeRefused, reason: 'OP3 is agreed and closed until a moderator reopens it; the change was not applied.' })
      expect(await serverStateVector()).toEqual(before)
      client.destroy()
    }
    const editor = await typingClient('editor-gbr')
    // Deleting the agreed paragraph changes it too.
    const closed = nextClose(editor)
    editor.text.delete(OP3 + 1, 1)
    expect((await closed).code).toBe(CloseCode.changeRefused)
    editor.destroy()

    const next = await typingClient('editor-gbr')
    clauseText(next.text, OP4).insert(0, '[beside it] ')
    await waitFor(() => clauseText(room.watcher.text, OP4).toString().startsWith('[beside it] '), 'the next paragraph still takes keystrokes')
    expect(clauseText(room.watcher.text, OP3).toString()).not.toContain('[not any more]')
    next.destroy()
  })

  it('refuses a new amendment inside it (409), takes a new paragraph after it, stays editable ad referendum, and reopens', async () => {
    const proposer = await startSession(room.server.url, 'editor-kaz')
    const clauseId = clauseIdAt(room.watcher.text, OP3)
    const refused = await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: proposer,
      body: { change: { kind: 'words', clauseId, spans: [spanOnWords(room.watcher.text, OP3, 'early identification', 'early and free identification')] } },
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({ error: 'paragraph_agreed', message: 'The paragraph is agreed and closed: it takes no amendment until a moderator reopens it.' })
    for (const change of [{ kind: 'paragraph.delete', clauseId }, { kind: 'paragraph.move', clauseId, after: clauseIdAt(room.watcher.text, OP4) }]) {
      expect((await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments`, { token: proposer, body: { change } })).status).toBe(409)
    }
    const after = await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: proposer,
      body: { change: { kind: 'paragraph.insert', after: clauseId, clauseKind: 'operative', content: [{ text: 'Further undertake to act;', marks: [] }] } },
    })
    expect(after.status).toBe(201)

    expect((await setStatus(room.server.url, room.chair, DOC, clauseId, { status: 'ad-referendum' })).status).toBe(200)
    const editor = await typingClient('editor-gbr')
    clauseText(editor.text, OP3).insert(0, '[ad ref] ')
    await waitFor(() => clauseText(room.watcher.text, OP3).toString().startsWith('[ad ref] '), 'an ad referendum paragraph takes keystrokes')
    editor.destroy()
    const reopened = await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: proposer,
      body: { change: { kind: 'words', clauseId, spans: [spanOnWords(room.watcher.text, OP3, 'early identification', 'early and free identification')] } },
    })
    expect(reopened.status).toBe(201)
  })

  it('cannot be marked agreed while amendments in it are pending, unless they are closed as not taken up in the same step (recorded)', async () => {
    const proposer = await startSession(room.server.url, 'editor-kaz')
    const clauseId = clauseIdAt(room.watcher.text, OP4)
    const amendment = (await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: proposer,
      body: { change: { kind: 'words', clauseId, spans: [spanOnWords(room.watcher.text, OP4, 'artificial intelligence', 'AI')] } },
    })).body as AmendmentView
    const refused = await setStatus(room.server.url, room.chair, DOC, clauseId, { status: 'agreed' })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({ error: 'amendments_pending', message: `The paragraph has pending amendments (${amendment.label}): decide them first, or close them as not taken up.` })
    const listed = (await api(room.server.url, 'GET', `/api/declarations/${DOC}/paragraph-statuses`, { token: room.chair })).body as ParagraphStatusView[]
    expect(listed.find((view) => view.clauseId === clauseId)).toBeUndefined()

    const pushes = pushedControls(room.watcher)
    expect((await setStatus(room.server.url, room.chair, DOC, clauseId, { status: 'agreed', notTakenUp: true })).status).toBe(200)
    const amendments = (await api(room.server.url, 'GET', `/api/declarations/${DOC}/amendments`, { token: room.chair })).body as AmendmentView[]
    expect(amendments.find((candidate) => candidate.id === amendment.id)).toMatchObject({ status: 'not-taken-up', decidedBy: { name: 'Aigerim Seitkali' } })
    await waitFor(() => pushes.some((message) => message.type === 'amendment' && message.amendment.status === 'not-taken-up'), 'the closed amendment reaches other pages')
    const audit = JSON.stringify((await api(room.server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: room.chair })).body)
    expect(audit).toContain('"action":"amendment.not-taken-up"')
    expect(audit).toContain(`"notTakenUp":["${amendment.label}"]`)
    expect((await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments/${amendment.number}/accept`, { token: room.chair })).status).toBe(409)
  })

  it('refuses an accept as revised whose wording changes an agreed paragraph (409), leaving the text and the amendment as they were', async () => {
    const agreed = clauseIdAt(room.watcher.text, OP4)
    const amendment = (await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
      token: await startSession(room.server.url, 'editor-kaz'),
      body: { change: { kind: 'paragraph.insert', after: agreed, clauseKind: 'operative', content: [{ text: 'Also undertake to report;', marks: [] }] } },
    })).body as AmendmentView
    const before = clauseText(room.watcher.text, OP4).toString()
    const vector = await serverStateVector()
    const refused = await api(room.server.url, 'POST', `/api/declarations/${DOC}/amendments/${amendment.number}/accept-revised`, {
      token: room.chair,
      body: { change: { kind: 'words', clauseId: agreed, spans: [spanOnWords(room.watcher.text, OP4, 'artificial intelligence', 'AI')] } },
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: 'paragraph_agreed' })
    expect(await serverStateVector()).toEqual(vector)
    expect(clauseText(room.watcher.text, OP4).toString()).toBe(before)
    const amendments = (await api(room.server.url, 'GET', `/api/declarations/${DOC}/amendments`, { token: room.chair })).body as AmendmentView[]
    expect(amendments.find((candidate) => candidate.id === amendment.id)).toMatchObject({ status: 'pending' })
  })

  it('answers 404 for a paragraph id not in the text and 400 for a malformed one, changing nothing', async () => {
    expect((await setStatus(room.server.url, room.chair, DOC, 'zzzzzzzzzzzz', { status: 'agreed' })).body).toMatchObject({ error: 'unknown_paragraph' })
    expect((await setStatus(room.server.url, room.chair, DOC, 'Not-An-Id', { status: 'agreed' })).status).toBe(400)
    expect((await setStatus(room.server.url, room.chair, DOC, clauseIdAt(room.watcher.text, 0), { status: 'closed' })).status).toBe(400)
  })
})
