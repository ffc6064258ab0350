import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { auditEntries } from '../../helpers/silence.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
let server: TestServer
let observer: SyncClient
let pushed: AmendmentView[]
let chair: string

beforeAll(async () => {
  server = await startTestServer()
  chair = await startSession(server.url, 'chair')
  observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  pushed = pushedAmendments(observer)
  await whenSynced(observer)
})
afterAll(async () => {
  observer.destroy()
  await server.destroy()
})

const change = (index: number, words: string, replacement: string) => ({ kind: 'words', clauseId: clauseIdAt(observer.text, index), spans: [spanOnWords(observer.text, index, words, replacement)] })

async function propose(login: string, index: number, words: string): Promise<AmendmentView> {
  const answer = await api(server.url, 'POST', PATH, { token: await startSession(server.url, login), body: { change: change(index, words, `${words} and more`) } })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body as AmendmentView
}

const edit = async (login: string, number: number, body: unknown) => api(server.url, 'PATCH', `${PATH}/${number}`, { token: await startSession(server.url, login), body })
const editsOf = async (number: number) => (await auditEntries(server.url, chair, 'amendment.edited')).filter((entry) => entry.details.number === number)

describe('changing an amendment', () => {
  it('records in the audit log a moderator’s change to a delegation’s amendment, its own delegation’s included, and not the proposer’s own', async () => {
    const british = await propose('editor-gbr', 8, 'every learner')
    const kazakh = await propose('editor-kaz', 9, 'financial barriers')
    expect((await edit('editor-gbr', british.number, { change: change(8, 'every learner', 'each learner'), justification: 'Shorter.' })).status).toBe(200)
    expect(await editsOf(british.number)).toEqual([])

    for (const amendment of [british, kazakh]) {
      const words = amendment === british ? 'every learner' : 'financial barriers'
      const index = amendment === british ? 8 : 9
      const answer = await edit('chair', amendment.number, { change: change(index, words, 'as the chair worded it') })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      expect((answer.body as AmendmentView).edits.at(-1)?.by.name).toBe('Aigerim Seitkali')
      const recorded = await editsOf(amendment.number)
      expect(recorded.map((entry) => [entry.actor?.name, entry.details.amendment, entry.details.delegation])).toEqual([['Aigerim Seitkali', amendment.label, amendment.proposedBy.delegation.code]])
      await waitFor(() => pushed.some((view) => view.id === amendment.id && view.edits.length === amendment.edits.length + (amendment === british ? 2 : 1)), 'the change is pushed')
    }
  })

  it('refuses a change or a withdrawal by another delegation and keeps the amendment as it was', async () => {
    const amendment = await propose('editor-gbr', 17, 'sustainable')
    const stored = async () => ((await api(server.url, 'GET', PATH, { token: chair })).body as AmendmentView[]).find((view) => view.id === amendment.id)
    const before = await stored()
    expect(await edit('signatory-pol', amendment.number, { change: change(17, 'sustainable', 'Polish words') })).toMatchObject({ status: 403, body: { error: 'not_proposer' } })
    const withdrawn = await api(server.url, 'POST', `${PATH}/${amendment.number}/withdraw`, { token: await startSession(server.url, 'editor-kaz') })
    expect(withdrawn).toMatchObject({ status: 403, body: { error: 'not_proposer' } })
    expect(await stored()).toEqual(before)
  })

  it('lets the proposing delegation withdraw its own, recorded and pushed; then nobody changes it', async () => {
    const amendment = await propose('editor-gbr', 18, 'disaggregated')
    const withdrawn = await api(server.url, 'POST', `${PATH}/${amendment.number}/withdraw`, { token: await startSession(server.url, 'editor-gbr') })
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn', decidedBy: { name: 'James Whitfield' } } })
    expect((await auditEntries(server.url, chair, 'amendment.withdrawn')).map((entry) => entry.details.amendment)).toContain(amendment.label)
    await waitFor(() => pushed.some((view) => view.id === amendment.id && view.status === 'withdrawn'), 'the withdrawal is pushed')
    expect((await edit('chair', amendment.number, { change: change(18, 'disaggregated', 'anything') })).status).toBe(409)
    expect((await api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair })).status).toBe(409)
  })

  it('refuses a bad change, a bad revision and an unknown amendment with a clear 4xx, changing neither the amendment nor the text', async () => {
    const amendment = await propose('editor-gbr', 19, 'openly publish')
    const stored = async () => ((await api(server.url, 'GET', PATH, { token: chair })).body as AmendmentView[]).find((view) => view.id === amendment.id)
    const before = await stored()
    const textBefore = observer.text.toString()
    const elsewhere = { kind: 'words', clauseId: clauseIdAt(observer.text, 20), spans: [spanOnWords(observer.text, 19, 'openly publish', 'publish')] }
    const marked = { kind: 'words', clauseId: clauseIdAt(observer.text, 19), spans: [{ ...spanOnWords(observer.text, 19, 'openly publish', 'x'), content: [{ text: 'x', marks: ['link'] }] }] }
    const attempts = [
      await edit('editor-gbr', amendment.number, { change: elsewhere }),
      await edit('chair', amendment.number, { change: marked }),
      await api(server.url, 'POST', `${PATH}/${amendment.number}/accept-revised`, { token: chair, body: { change: elsewhere } }),
      await api(server.url, 'POST', `${PATH}/${amendment.number}/accept-revised`, { token: chair, body: { change: marked } }),
      await api(server.url, 'POST', `${PATH}/${amendment.number}/accept-revised`, { token: chair, body: { change: { kind: 'paragraph.delete', clauseId: 'zzzzzzzzzzzz' } } }),
    ]
    for (const answer of attempts) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(400)
      expect(answer.body).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    }
    expect(await api(server.url, 'POST', `${PATH}/99999/accept`, { token: chair })).toMatchObject({ status: 404, body: { error: 'unknown_amendment' } })
    expect((await api(server.url, 'POST', `${PATH}/A1/accept`, { token: chair })).status).toBe(400)
    expect(await stored()).toEqual(before)
    expect(observer.text.toString()).toBe(textBefore)
  })
})
