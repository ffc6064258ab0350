import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findClause, resolveAnchor } from '../../../shared/comments/anchors.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import { decodeControl } from '../../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import { api } from '../../helpers/api.js'
import { anchorOnWords, clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const THREADS = `/api/declarations/${DOC}/threads`
let server: TestServer
let reader: SyncClient
const tokens: Record<string, string> = {}
const logins = { moderator: 'chair', editor: 'editor-gbr', otherEditor: 'editor-chn', signatory: 'signatory-pol', observer: 'observer-idn' }

beforeAll(async () => {
  server = await startTestServer()
  for (const [role, login] of Object.entries(logins)) tokens[role] = await startSession(server.url, login)
  reader = connectClient(server.wsUrl, DOC, tokens.observer!)
  await whenSynced(reader)
})
afterAll(async () => {
  reader.destroy()
  await server.destroy()
})

async function newThread(as: string, words = 'physical, communication', clause = 9): Promise<ThreadView> {
  const answer = await api(server.url, 'POST', THREADS, {
    token: tokens[as],
    body: { clauseId: clauseIdAt(reader.text, clause), anchor: anchorOnWords(reader.text, clause, words), body: `From ${as}` },
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body as ThreadView
}

describe('who may do what with comments', () => {
  const roles = ['moderator', 'editor', 'signatory', 'observer'] as const
  const writes = (role: string) => role !== 'observer'

  it.each(roles)('%s: read, create, reply', async (role) => {
    expect((await api(server.url, 'GET', THREADS, { token: tokens[role] })).status).toBe(200)
    const create = await api(server.url, 'POST', THREADS, { token: tokens[role], body: { clauseId: clauseIdAt(reader.text, 3), body: 'On the whole paragraph' } })
    expect(create.status).toBe(writes(role) ? 201 : 403)
    const target = await newThread('editor')
    const reply = await api(server.url, 'POST', `${THREADS}/${target.id}/comments`, { token: tokens[role], body: { body: 'A reply' } })
    expect(reply.status).toBe(writes(role) ? 201 : 403)
  })

  it.each(roles)("%s: edit and delete their own comment, never another's", async (role) => {
    const thread = writes(role) ? await newThread(role) : await newThread('editor')
    const own = thread.comments[0]!.id
    const other = (await newThread('otherEditor')).comments[0]!
    const edit = await api(server.url, 'PATCH', `${THREADS}/${thread.id}/comments/${own}`, { token: tokens[role], body: { body: 'Edited' } })
    expect(edit.status).toBe(writes(role) ? 200 : 403)
    if (writes(role)) expect(edit.body).toMatchObject({ comments: [{ body: 'Edited', editedAt: expect.any(String) }] })
    const foreign = await api(server.url, 'PATCH', `${THREADS}/${(await threadOf(other.id)).id}/comments/${other.id}`, { token: tokens[role], body: { body: 'Hijack' } })
    expect(foreign.status).toBe(403)
    const remove = await api(server.url, 'DELETE', `${THREADS}/${thread.id}/comments/${own}`, { token: tokens[role] })
    expect(remove.status).toBe(writes(role) ? 200 : 403)
    if (writes(role)) expect(remove.body).toMatchObject({ comments: [{ body: '', deleted: true }] })
  })

  it.each(roles)('%s: resolve and reopen their own thread; only a moderator those of others', async (role) => {
    const others = await newThread('otherEditor')
    const resolveOthers = await api(server.url, 'POST', `${THREADS}/${others.id}/resolve`, { token: tokens[role] })
    expect(resolveOthers.status).toBe(role === 'moderator' ? 200 : 403)
    if (!writes(role)) return
    const own = await newThread(role)
    expect(await api(server.url, 'POST', `${THREADS}/${own.id}/resolve`, { token: tokens[role] })).toMatchObject({ status: 200, body: { status: 'resolved' } })
    expect(await api(server.url, 'POST', `${THREADS}/${own.id}/reopen`, { token: tokens[role] })).toMatchObject({ status: 200, body: { status: 'open', resolvedAt: null } })
  })

  it('refuses everything without a session', async () => {
    expect((await api(server.url, 'GET', THREADS)).status).toBe(401)
    expect((await api(server.url, 'POST', THREADS, { body: { clauseId: 'abcdefabcdef', body: 'x' } })).status).toBe(401)
  })
})

async function threadOf(commentId: string): Promise<ThreadView> {
  const all = (await api(server.url, 'GET', THREADS, { token: tokens.moderator })).body as ThreadView[]
  return all.find((thread) => thread.comments.some((comment) => comment.id === commentId))!
}

describe('comment validation', () => {
  it.each([
    ['an empty body', { body: '   ' }, 'invalid_body'],
    ['a body over 4000 characters', { body: 'x'.repeat(4001) }, 'invalid_body'],
    ['a NUL character', { body: 'a\u0000b' }, 'invalid_body'],
    ['21 mentions', { body: Array.from({ length: 21 }, (_, i) => `@person-${i}`).join(' ') }, 'invalid_body'],
    ['an extra field', { body: 'x', author: 'someone-else' }, 'invalid_body'],
    ['an unknown paragraph', { clauseId: 'zzzzzzzzzzzz', body: 'x' }, 'unknown_paragraph'],
    ['a malformed anchor', { anchor: { start: '!!', end: '!!' }, body: 'x' }, 'invalid_body'],
  ])('refuses %s with a JSON 400 and stores nothing', async (_case, body, code) => {
    const before = ((await api(server.url, 'GET', THREADS, { token: tokens.moderator })).body as ThreadView[]).length
    const answer = await api(server.url, 'POST', THREADS, { token: tokens.editor, body: { clauseId: clauseIdAt(reader.text, 0), ...body } })
    expect(answer).toMatchObject({ status: 400, body: { error: code, message: expect.any(String) } })
    expect(((await api(server.url, 'GET', THREADS, { token: tokens.moderator })).body as ThreadView[]).length).toBe(before)
  })

  it('refuses an anchor that is not in the named paragraph', async () => {
    const answer = await api(server.url, 'POST', THREADS, {
      token: tokens.editor,
      body: { clauseId: clauseIdAt(reader.text, 1), anchor: anchorOnWords(reader.text, 9, 'physical'), body: 'x' },
    })
    expect(answer).toMatchObject({ status: 400, body: { error: 'bad_anchor' } })
  })

  it('takes the author from the session and the quote from the text, keeps markup as text, and finds mentions', async () => {
    const answer = await api(server.url, 'POST', THREADS, {
      token: tokens.signatory,
      body: { clauseId: clauseIdAt(reader.text, 9), anchor: anchorOnWords(reader.text, 9, 'attitudinal'), body: '<img src=x onerror=alert(1)> @editor-gbr @KAZ @nobody' },
    })
    expect(answer.body).toMatchObject({
      quote: 'attitudinal',
      createdBy: { name: 'Katarzyna Nowak', delegation: { code: 'POL' } },
      comments: [
        {
          body: '<img src=x onerror=alert(1)> @editor-gbr @KAZ @nobody',
          mentions: [
            { kind: 'participant', label: 'James Whitfield' },
            { kind: 'delegation', id: 'KAZ', label: 'Kazakhstan' },
          ],
        },
      ],
    })
  })
})

describe('live and durable', () => {
  it('pushes a new thread to every open socket of the declaration', async () => {
    const pushed: ThreadView[] = []
    const listener = connectClient(server.wsUrl, DOC, tokens.observer!)
    await whenSynced(listener)
    listener.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
      const message = decodeControl(decoder, ServerControlMessage)
      if (message.type === 'thread') pushed.push(message.thread)
    }
    const thread = await newThread('editor', 'transport')
    await waitFor(() => pushed.some((candidate) => candidate.id === thread.id), 'the push arrives')
    listener.destroy()
  })

  it('keeps a thread on its paragraph, marked as removed text, after its words are deleted and the server restarts', async () => {
    const dataDir = await tempDataDir()
    try {
      const first = await startTestServer({ dataDir })
      const token = await startSession(first.url, 'editor-nga')
      const editor = connectClient(first.wsUrl, DOC, token)
      await whenSynced(editor)
      const clauseId = clauseIdAt(editor.text, 18)
      const created = await api(first.url, 'POST', THREADS, { token, body: { clauseId, anchor: anchorOnWords(editor.text, 18, 'disaggregated data'), body: 'Define this' } })
      const thread = created.body as ThreadView
      const text = clauseText(editor.text, 18)
      text.delete(text.toString().indexOf('disaggregated data'), 'disaggregated data'.length)
      await savedAcks(editor)(1)
      editor.destroy()
      await first.close()

      const second = await startTestServer({ dataDir })
      const again = connectClient(second.wsUrl, DOC, await startSession(second.url, 'editor-nga'))
      await whenSynced(again)
      const [stored] = (await api(second.url, 'GET', THREADS, { token: await startSession(second.url, 'chair') })).body as ThreadView[]
      expect(stored).toMatchObject({ id: thread.id, clauseId, quote: 'disaggregated data' })
      expect(resolveAnchor(again.doc, stored!.anchor!)).toMatchObject({ removed: true })
      expect(findClause(again.text, clauseId)).not.toBeNull()
      again.destroy()
      await second.close()
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
