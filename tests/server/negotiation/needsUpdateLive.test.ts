import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
let server: TestServer
let editor: SyncClient
let observer: SyncClient
let pushed: AmendmentView[]
let proposer: string
let chair: string

beforeAll(async () => {
  server = await startTestServer()
  proposer = await startSession(server.url, 'editor-kaz')
  chair = await startSession(server.url, 'chair')
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  pushed = pushedAmendments(observer)
  await Promise.all([whenSynced(editor), whenSynced(observer)])
})
afterAll(async () => {
  editor.destroy()
  observer.destroy()
  await server.destroy()
})

async function propose(change: Record<string, unknown>): Promise<AmendmentView> {
  const answer = await api(server.url, 'POST', PATH, { token: proposer, body: { change } })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body as AmendmentView
}

const words = (index: number, from: string, to: string) => ({ kind: 'words', clauseId: clauseIdAt(editor.text, index), spans: [spanOnWords(editor.text, index, from, to)] })
const statusOf = async (amendment: AmendmentView) => ((await api(server.url, 'GET', PATH, { token: chair })).body as AmendmentView[]).find((candidate) => candidate.id === amendment.id)?.status
const flagPushed = (amendment: AmendmentView) => waitFor(() => pushed.some((view) => view.id === amendment.id && view.status === 'needs-update'), `${amendment.label} is pushed as "needs update"`)

describe('"needs update" as soon as the text changes', () => {
  it('flags an amendment, records and pushes it, when an edit changes its words; edits elsewhere in the paragraph leave it and its neighbour pending', async () => {
    const flagged = await propose(words(10, 'early identification', 'early and free identification'))
    const neighbour = await propose(words(10, 'support', 'full support'))
    const text = clauseText(editor.text, 10)
    text.insert(text.length, ' Наурыз')
    text.insert(0, '各 ')
    await waitFor(() => clauseText(observer.text, 10).toString().startsWith('各 '), 'the edits elsewhere reach everyone')
    const inside = text.toString().indexOf('early identification') + 'early '.length
    text.delete(inside, 3)
    await flagPushed(flagged)
    expect(await statusOf(flagged)).toBe('needs-update')
    expect(pushed.filter((view) => view.status === 'needs-update').map((view) => view.label)).toEqual([flagged.label])
    const audit = (await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: chair })).body as { entries: { action: string; actor: unknown; details: Record<string, unknown> }[] }
    expect(audit.entries.filter((entry) => entry.action === 'amendment.needs-update').map((entry) => [entry.actor, entry.details.amendment])).toEqual([[null, flagged.label]])
    // The neighbour was never flagged: it is accepted as it was proposed.
    expect((await api(server.url, 'POST', `${PATH}/${neighbour.number}/accept`, { token: chair })).status).toBe(200)
  })

  it('is pending again once its delegation edits it against the new text', async () => {
    const amendment = await propose(words(12, 'assistive', 'affordable assistive'))
    const text = clauseText(editor.text, 12)
    text.insert(text.toString().indexOf('assistive') + 2, 'x')
    await flagPushed(amendment)
    await waitFor(() => clauseText(observer.text, 12).toString() === text.toString(), 'the edit reaches everyone')
    const edited = await api(server.url, 'PATCH', `${PATH}/${amendment.number}`, { token: proposer, body: { change: words(12, 'asxsistive', 'affordable assistive') } })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect((edited.body as AmendmentView).status).toBe('pending')
    expect(await statusOf(amendment)).toBe('pending')
    expect((await api(server.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: chair })).status).toBe(200)
    await waitFor(() => clauseText(observer.text, 12).toString().includes('affordable assistive'), 'the accepted words arrive')
  })

  it('flags the word change, the deletion and the new paragraph after it when a paragraph is deleted', async () => {
    const id = clauseIdAt(editor.text, 13)
    const onWords = await propose({ kind: 'words', clauseId: id, spans: [spanOnWords(editor.text, 13, clauseText(editor.text, 13).toString().slice(0, 6), 'Urge')] })
    const deletion = await propose({ kind: 'paragraph.delete', clauseId: id })
    const insertion = await propose({ kind: 'paragraph.insert', after: id, clauseKind: 'operative', content: [{ text: 'Invite all States to report;', marks: [] }] })
    const elsewhere = await propose({ kind: 'paragraph.delete', clauseId: clauseIdAt(editor.text, 15) })
    editor.text.delete(14, 1)
    for (const amendment of [onWords, deletion, insertion]) await flagPushed(amendment)
    expect(await statusOf(elsewhere)).toBe('pending')
  })
})
