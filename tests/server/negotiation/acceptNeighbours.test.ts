import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanAt } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
const CLAUSE = 12
let server: TestServer
let pages: SyncClient[]
let pushes: AmendmentView[][]

beforeAll(async () => {
  server = await startTestServer()
  pages = await Promise.all(['editor-gbr', 'signatory-pol', 'observer-idn'].map(async (login) => connectClient(server.wsUrl, DOC, await startSession(server.url, login))))
  pushes = pages.map((page) => pushedAmendments(page))
  await Promise.all(pages.map((page) => whenSynced(page)))
})
afterAll(async () => {
  for (const page of pages) page.destroy()
  await server.destroy()
})

describe('accepting one of several amendments to a paragraph', () => {
  it('leaves the others elsewhere in it pending and in place, flags the one over the same words, and every page sees each decision', async () => {
    const text = () => clauseText(pages[2]!.text, CLAUSE)
    const original = text().toString()
    const proposer = await startSession(server.url, 'editor-kaz')
    const chair = await startSession(server.url, 'chair')
    const propose = async (from: number, to: number, words: string) => {
      const answer = await api(server.url, 'POST', PATH, { token: proposer, body: { change: { kind: 'words', clauseId: clauseIdAt(pages[2]!.text, CLAUSE), spans: [spanAt(pages[2]!.text, CLAUSE, from, to, words)] } } })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      return answer.body as AmendmentView
    }
    const first = await propose(0, 6, 'Ensure')
    const overlapping = await propose(3, 10, 'ZZ')
    const last = await propose(original.length, original.length, ' Қосымша.')
    const middle = Math.floor(original.length / 2)
    const inMiddle = await propose(middle, middle, ' [各] ')

    const accept = (amendment: AmendmentView) => api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair })
    expect((await accept(first)).status).toBe(200)
    await waitFor(() => pushes.every((pushed) => pushed.some((view) => view.id === overlapping.id && view.status === 'needs-update')), 'the amendment over the same words is flagged on every page')
    expect((await accept(last)).status).toBe(200)
    expect((await accept(inMiddle)).status).toBe(200)
    const expected = `Ensure${original.slice(6, middle)} [各] ${original.slice(middle)} Қосымша.`
    for (const page of pages) await waitFor(() => clauseText(page.text, CLAUSE).toString() === expected, 'every page has the three accepted changes')
    for (const pushed of pushes) {
      await waitFor(() => [first, last, inMiddle].every((amendment) => pushed.some((view) => view.id === amendment.id && view.status === 'accepted')), 'every page is told of each accept')
      expect(pushed.filter((view) => view.id === overlapping.id).map((view) => view.status)).toEqual(['pending', 'needs-update'])
    }
    expect((await accept(overlapping)).status).toBe(409)
    expect(text().toString()).toBe(expected)
  })
})
