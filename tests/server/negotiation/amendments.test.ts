import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveAnchor } from '../../../shared/comments/anchors.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanOnWords } from '../../helpers/amendments.js'
import { anchorOnWords, clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
let server: TestServer
const tokens = new Map<string, string>()
let editor: SyncClient
let observer: SyncClient

const as = (login: string) => tokens.get(login)!

beforeAll(async () => {
  server = await startTestServer()
  for (const login of ['chair', 'editor-kaz', 'editor-gbr', 'signatory-pol', 'signatory-usa', 'observer-idn']) tokens.set(login, await startSession(server.url, login))
  editor = connectClient(server.wsUrl, DOC, as('editor-kaz'))
  observer = connectClient(server.wsUrl, DOC, as('observer-idn'))
  await Promise.all([whenSynced(editor), whenSynced(observer)])
})
afterAll(async () => {
  editor.destroy()
  observer.destroy()
  await server.destroy()
})

/** Proposes replacing `words` in clause `index` with `replacement`, as `login`. */
function propose(login: string, index: number, words: string, replacement: string) {
  return api(server.url, 'POST', PATH, {
    token: as(login),
    body: { change: { kind: 'words', clauseId: clauseIdAt(editor.text, index), spans: [spanOnWords(editor.text, index, words, replacement)] }, justification: 'Girls are too often left out.' },
  })
}

const list = async () => (await api(server.url, 'GET', PATH, { token: as('observer-idn') })).body as AmendmentView[]

describe('amendments over the API', () => {
  it('numbers a proposal, stores the text it was made against, and pushes it live to every open socket', async () => {
    const editorPushes = pushedAmendments(editor)
    const observerPushes = pushedAmendments(observer)
    const answer = await propose('editor-kaz', 8, 'every learner', 'every learner, and every girl in particular,')
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const amendment = answer.body as AmendmentView
    expect(amendment).toMatchObject({ label: `A${amendment.number}`, status: 'pending', proposedBy: { delegation: { code: 'KAZ' } } })
    expect(amendment.change).toMatchObject({ kind: 'words', against: { text: clauseText(editor.text, 8).toString(), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    await waitFor(() => editorPushes.some((pushed) => pushed.id === amendment.id) && observerPushes.some((pushed) => pushed.id === amendment.id), 'both sockets get the push')
    const second = (await propose('editor-gbr', 17, 'sustainable', 'adequate and sustainable')).body as AmendmentView
    expect(second.number).toBe(amendment.number + 1)
  })

  it('keeps one stance per delegation, taken from the session, and refuses one on the own amendment', async () => {
    const amendment = (await propose('editor-kaz', 18, 'disaggregated', 'sex- and disability-disaggregated')).body as AmendmentView
    const stance = (login: string, value: string) => api(server.url, 'PUT', `${PATH}/${amendment.number}/stance`, { token: as(login), body: { stance: value } })
    expect((await stance('signatory-pol', 'supporter')).status).toBe(200)
    const changed = (await stance('signatory-pol', 'co-sponsor')).body as AmendmentView
    expect(changed.stances.map((entry) => [entry.delegation.code, entry.stance])).toEqual([['POL', 'co-sponsor']])
    expect((await stance('signatory-usa', 'opposer')).status).toBe(200)
    const own = await stance('chair', 'supporter')
    expect(own.status).toBe(403)
    const ownDelegation = await stance('editor-kaz', 'supporter')
    expect(ownDelegation).toMatchObject({ status: 409, body: { error: 'own_amendment' } })
    const forAnother = await api(server.url, 'PUT', `${PATH}/${amendment.number}/stance`, { token: as('signatory-usa'), body: { stance: 'supporter', delegation: 'POL' } })
    expect(forAnother.status).toBe(400)
    const dropped = (await api(server.url, 'DELETE', `${PATH}/${amendment.number}/stance`, { token: as('signatory-usa') })).body as AmendmentView
    expect(dropped.stances.map((entry) => entry.delegation.code)).toEqual(['POL'])
  })

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const before = await list()
    const other = spanOnWords(editor.text, 3, 'innovation', 'research')
    const attempts = [
      { change: { kind: 'words', clauseId: clauseIdAt(editor.text, 4), spans: [other] } },
      { change: { kind: 'words', clauseId: 'zzzzzzzzzzzz', spans: [other] } },
      { change: { kind: 'words', clauseId: clauseIdAt(editor.text, 3), spans: [{ ...other, content: [{ text: 'x', marks: ['link'] }] }] } },
      { change: { kind: 'words', clauseId: clauseIdAt(editor.text, 3), spans: [{ ...other, content: '<b>research</b>' }] } },
      { change: { kind: 'paragraph.delete', clauseId: 'zzzzzzzzzzzz' } },
    ]
    for (const body of attempts) {
      const answer = await api(server.url, 'POST', PATH, { token: as('editor-kaz'), body })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    }
    expect(await list()).toEqual(before)
  })

  it('accept changes only the spans it changes, keeps a comment elsewhere in the paragraph on its words, and audits it', async () => {
    const anchor = anchorOnWords(editor.text, 20, 'international cooperation')
    const thread = (await api(server.url, 'POST', `/api/declarations/${DOC}/threads`, { token: as('editor-gbr'), body: { clauseId: clauseIdAt(editor.text, 20), anchor, body: 'Which kinds?' } })).body as ThreadView
    const amendment = (await propose('editor-kaz', 20, 'the exchange of teachers', 'the exchange of teachers, of school leaders')).body as AmendmentView
    // Someone types elsewhere in the paragraph meanwhile.
    clauseText(editor.text, 20).insert(0, 'Further ')
    const expected = clauseText(editor.text, 20).toString().replace('the exchange of teachers', 'the exchange of teachers, of school leaders')
    await waitFor(() => clauseText(observer.text, 20).toString().startsWith('Further '), 'the edit reaches the server')
    const answer = await api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: as('chair') })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body).toMatchObject({ status: 'accepted', decidedBy: { delegation: { code: 'KAZ' } } })
    await waitFor(() => clauseText(observer.text, 20).toString() === expected, 'the observer sees the accepted text')
    expect(resolveAnchor(observer.doc, thread.anchor!).text).toBe('international cooperation')
    const audit = (await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: as('chair') })).body as { entries: { action: string; details: Record<string, unknown> }[] } | { action: string; details: Record<string, unknown> }[]
    const entries = Array.isArray(audit) ? audit : audit.entries
    expect(entries.some((entry) => entry.action === 'amendment.accepted' && entry.details.amendment === amendment.label && entry.details.delegation === 'KAZ')).toBe(true)
    expect((await api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: as('chair') })).status).toBe(409)
  })

  it('flags an amendment "needs update" when the words it changes are edited, and leaves the text alone', async () => {
    const amendment = (await propose('editor-kaz', 21, 'centres of excellence', 'regional centres')).body as AmendmentView
    const text = clauseText(editor.text, 21)
    text.insert(text.toString().indexOf('of excellence'), 'and hubs ')
    await waitFor(() => clauseText(observer.text, 21).toString().includes('and hubs'), 'the edit reaches the server')
    const before = clauseText(observer.text, 21).toString()
    const answer = await api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: as('chair') })
    expect(answer).toMatchObject({ status: 409, body: { status: 'needs-update' } })
    expect(clauseText(observer.text, 21).toString()).toBe(before)
    expect((await list()).find((candidate) => candidate.id === amendment.id)?.status).toBe('needs-update')
  })

  it('opens one discussion per amendment, as a comment thread with its id, pushed live, replied to through the threads', async () => {
    const amendment = (await propose('editor-kaz', 19, 'openly publish', 'publish in open access')).body as AmendmentView
    const discussion = `${PATH}/${amendment.number}/discussion`
    const opened = await api(server.url, 'POST', discussion, { token: as('signatory-pol'), body: { body: 'Poland supports this.' } })
    expect(opened).toMatchObject({ status: 201, body: { id: amendment.id, quote: amendment.label, comments: [{ body: 'Poland supports this.' }] } })
    expect((await api(server.url, 'POST', discussion, { token: as('signatory-usa'), body: { body: 'Again.' } })).status).toBe(409)
    expect((await api(server.url, 'POST', discussion, { token: as('observer-idn'), body: { body: 'Observers read.' } })).status).toBe(403)
    const reply = await api(server.url, 'POST', `/api/declarations/${DOC}/threads/${amendment.id}/comments`, { token: as('signatory-usa'), body: { body: 'The United States opposes.' } })
    expect(reply.status).toBe(201)
    expect((reply.body as ThreadView).comments).toHaveLength(2)
  })

  it('lets only the proposing delegation withdraw, a moderator edit (recorded), and a moderator reject with a reason', async () => {
    const amendment = (await propose('editor-kaz', 22, 'next World Inclusion Congress', 'next two Congresses')).body as AmendmentView
    const withdrawBy = (login: string) => api(server.url, 'POST', `${PATH}/${amendment.number}/withdraw`, { token: as(login) })
    expect((await withdrawBy('editor-gbr')).status).toBe(403)
    const edited = await api(server.url, 'PATCH', `${PATH}/${amendment.number}`, {
      token: as('chair'),
      body: { change: { kind: 'words', clauseId: clauseIdAt(editor.text, 22), spans: [spanOnWords(editor.text, 22, 'next World Inclusion Congress', 'next Congress')] } },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect((edited.body as AmendmentView).edits).toHaveLength(1)
    expect((await api(server.url, 'POST', `${PATH}/${amendment.number}/reject`, { token: as('chair'), body: { reason: '' } })).status).toBe(400)
    const rejected = await api(server.url, 'POST', `${PATH}/${amendment.number}/reject`, { token: as('chair'), body: { reason: 'No agreement in the room.' } })
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'No agreement in the room.' })
    expect((await withdrawBy('editor-kaz')).status).toBe(409)
  })
})
