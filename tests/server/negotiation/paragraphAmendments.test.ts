import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseTexts } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
let server: TestServer
let client: SyncClient
let proposer: string
let chair: string

beforeAll(async () => {
  server = await startTestServer()
  proposer = await startSession(server.url, 'signatory-usa')
  chair = await startSession(server.url, 'chair')
  client = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-egy'))
  await whenSynced(client)
})
afterAll(async () => {
  client.destroy()
  await server.destroy()
})

const ids = () => client.text.toArray().slice(1).map((node) => (node as { getAttribute(name: string): unknown }).getAttribute('id'))

async function proposeAndAccept(change: Record<string, unknown>): Promise<AmendmentView> {
  const proposed = await api(server.url, 'POST', PATH, { token: proposer, body: { change } })
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
  const number = (proposed.body as AmendmentView).number
  const accepted = await api(server.url, 'POST', `${PATH}/${number}/accept`, { token: chair })
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
  return accepted.body as AmendmentView
}

describe('paragraph amendments', () => {
  it('adds a new paragraph after another, deletes one, and moves one keeping its id and words', async () => {
    const after = clauseIdAt(client.text, 8)
    const count = clauseTexts(client.text).length
    await proposeAndAccept({ kind: 'paragraph.insert', after, clauseKind: 'operative', content: [{ text: 'Invite', marks: ['italic'] }, { text: ' all States to report every two years;' }] })
    await waitFor(() => clauseTexts(client.text).length === count + 1, 'the new paragraph arrives')
    expect(clauseTexts(client.text)[9]).toBe('<italic>Invite</italic> all States to report every two years;')
    expect(ids()[9]).toMatch(/^[0-9a-z]{12}$/)

    const doomed = clauseIdAt(client.text, 12)
    await proposeAndAccept({ kind: 'paragraph.delete', clauseId: doomed })
    await waitFor(() => !ids().includes(doomed), 'the paragraph is deleted')

    const moving = clauseIdAt(client.text, 14)
    const words = clauseTexts(client.text)[14]
    await proposeAndAccept({ kind: 'paragraph.move', clauseId: moving, after: clauseIdAt(client.text, 8) })
    await waitFor(() => ids()[9] === moving, 'the paragraph moves')
    expect(clauseTexts(client.text)[9]).toBe(words)
    expect(ids().filter((id) => id === moving)).toHaveLength(1)
  })

  it('flags a paragraph deletion "needs update" once the paragraph was edited since', async () => {
    const target = clauseIdAt(client.text, 3)
    const proposed = (await api(server.url, 'POST', PATH, { token: proposer, body: { change: { kind: 'paragraph.delete', clauseId: target } } })).body as AmendmentView
    const editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-nga'))
    await whenSynced(editor)
    ;(editor.text.get(4) as unknown as { get(index: number): { insert(index: number, text: string): void } }).get(0).insert(0, 'Also ')
    await waitFor(() => clauseTexts(client.text)[3]!.startsWith('Also '), 'the edit arrives')
    editor.destroy()
    const answer = await api(server.url, 'POST', `${PATH}/${proposed.number}/accept`, { token: chair })
    expect(answer).toMatchObject({ status: 409, body: { status: 'needs-update' } })
    expect(ids()).toContain(target)
  })

  it('accepts as revised with the moderator\'s wording, keeping the proposal and recording the revision', async () => {
    const at = clauseTexts(client.text).findIndex((text) => text.includes('sustainable public financing'))
    const proposed = (await api(server.url, 'POST', PATH, {
      token: proposer,
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, at), spans: [spanOnWords(client.text, at, 'sustainable public financing', 'more public financing')] } },
    })).body as AmendmentView
    const revised = await api(server.url, 'POST', `${PATH}/${proposed.number}/accept-revised`, {
      token: chair,
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, at), spans: [spanOnWords(client.text, at, 'sustainable public financing', 'sustainable and predictable public financing')] } },
    })
    expect(revised.status, JSON.stringify(revised.body)).toBe(200)
    expect(revised.body).toMatchObject({ status: 'accepted-as-revised', change: { spans: [{ content: [{ text: 'more public financing' }] }] }, revision: { kind: 'words' } })
    await waitFor(() => clauseTexts(client.text)[at]!.includes('sustainable and predictable public financing'), 'the revised wording arrives')
    const audit = JSON.stringify((await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: chair })).body)
    expect(audit).toContain(`"action":"amendment.accepted-as-revised"`)
    expect(audit).toContain(`"amendment":"${proposed.label}"`)
  })
})
