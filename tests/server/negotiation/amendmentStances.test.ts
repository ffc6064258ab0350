import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
let server: TestServer
let observer: SyncClient
let pushed: AmendmentView[]

beforeAll(async () => {
  server = await startTestServer()
  observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  pushed = pushedAmendments(observer)
  await whenSynced(observer)
})
afterAll(async () => {
  observer.destroy()
  await server.destroy()
})

async function propose(index: number, words: string): Promise<AmendmentView> {
  const answer = await api(server.url, 'POST', PATH, {
    token: await startSession(server.url, 'editor-kaz'),
    body: { change: { kind: 'words', clauseId: clauseIdAt(observer.text, index), spans: [spanOnWords(observer.text, index, words, `${words} and more`)] } },
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body as AmendmentView
}

/** Takes a stance as `login` and checks it is stamped with a time within the request. */
async function take(login: string, number: number, stance: string | null): Promise<AmendmentView> {
  const token = await startSession(server.url, login)
  const before = new Date().toISOString()
  const answer = stance === null ? await api(server.url, 'DELETE', `${PATH}/${number}/stance`, { token }) : await api(server.url, 'PUT', `${PATH}/${number}/stance`, { token, body: { stance } })
  const after = new Date().toISOString()
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  const view = answer.body as AmendmentView
  const own = view.stances.find((entry) => entry.delegation.code === login.slice(-3).toUpperCase())
  if (stance !== null) {
    expect(own?.stance).toBe(stance)
    expect(own!.at >= before && own!.at <= after, `${own!.at} within ${before} … ${after}`).toBe(true)
  }
  return view
}

const held = (view: AmendmentView) => view.stances.map((entry) => [entry.delegation.code, entry.stance, entry.at])

describe('stances on an amendment', () => {
  it('each delegation holds at most one of co-sponsor, supporter or opposer, changes it with a new time, and others keep theirs', async () => {
    const amendment = await propose(8, 'every learner')
    const poland = await take('signatory-pol', amendment.number, 'co-sponsor')
    const withUsa = await take('signatory-usa', amendment.number, 'opposer')
    const polandAt = poland.stances[0]!.at
    expect(held(withUsa)).toEqual([['POL', 'co-sponsor', polandAt], ['USA', 'opposer', withUsa.stances[1]!.at]])

    const usaAt = withUsa.stances[1]!.at
    const changed = await take('signatory-pol', amendment.number, 'supporter')
    const changedAt = changed.stances.find((entry) => entry.delegation.code === 'POL')!.at
    expect(changedAt >= usaAt).toBe(true)
    expect(held(changed)).toEqual(expect.arrayContaining([['USA', 'opposer', usaAt], ['POL', 'supporter', changedAt]]))
    expect(changed.stances).toHaveLength(2)

    const opposed = await take('signatory-pol', amendment.number, 'opposer')
    expect(opposed.stances.filter((entry) => entry.delegation.code === 'POL').map((entry) => entry.stance)).toEqual(['opposer'])
    const dropped = await take('signatory-pol', amendment.number, null)
    expect(held(dropped)).toEqual([['USA', 'opposer', usaAt]])
    await waitFor(() => pushed.some((view) => view.id === amendment.id && view.stances.length === 1 && view.stances[0]!.delegation.code === 'USA'), 'every change of stance is pushed')
  })

  it('keeps one stance per delegation when its people send theirs at once, and every delegation’s when several do', async () => {
    const amendment = await propose(9, 'financial barriers')
    const tokens = await Promise.all(['signatory-pol', 'signatory-pol', 'signatory-usa', 'editor-gbr', 'editor-chn', 'editor-nga'].map((login) => startSession(server.url, login)))
    const stances = ['co-sponsor', 'opposer', 'supporter', 'co-sponsor', 'opposer', 'supporter']
    const answers = await Promise.all(tokens.map((token, index) => api(server.url, 'PUT', `${PATH}/${amendment.number}/stance`, { token, body: { stance: stances[index] } })))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200])
    const stored = ((await api(server.url, 'GET', PATH, { token: tokens[2]! })).body as AmendmentView[]).find((view) => view.id === amendment.id)!
    expect(stored.stances.map((entry) => entry.delegation.code).sort()).toEqual(['CHN', 'GBR', 'NGA', 'POL', 'USA'])
    expect(['co-sponsor', 'opposer']).toContain(stored.stances.find((entry) => entry.delegation.code === 'POL')!.stance)
  })

  it('refuses a stance on a decided amendment and keeps those it had', async () => {
    const amendment = await propose(17, 'sustainable')
    await take('signatory-usa', amendment.number, 'supporter')
    const chair = await startSession(server.url, 'chair')
    expect((await api(server.url, 'POST', `${PATH}/${amendment.number}/reject`, { token: chair, body: { reason: 'Not agreed.' } })).status).toBe(200)
    const late = await api(server.url, 'PUT', `${PATH}/${amendment.number}/stance`, { token: await startSession(server.url, 'signatory-pol'), body: { stance: 'co-sponsor' } })
    expect(late.status).toBe(409)
    const stored = ((await api(server.url, 'GET', PATH, { token: chair })).body as AmendmentView[]).find((view) => view.id === amendment.id)!
    expect(stored.stances.map((entry) => [entry.delegation.code, entry.stance])).toEqual([['USA', 'supporter']])
  })
})
