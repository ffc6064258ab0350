import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLabelRecords } from '../../../shared/negotiation/labelRecords.js'
import type { NegotiationChanges } from '../../../shared/versions/negotiationChanges.js'
import type { Redline } from '../../../shared/versions/redline.js'
import { api } from '../../helpers/api.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { addClauseAfter, labelOfId, labelsOf } from '../../helpers/roundLabels.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const BASE = `/api/declarations/${DOC}`
/** The demo text has PP1–PP8 then OP1–OP15: OP7 is clause 14. */
const OP7 = 14

let server: TestServer
let moderator: string
let editor: SyncClient
let watcher: SyncClient

beforeEach(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url)
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  watcher = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-egy'))
  await Promise.all([whenSynced(editor), whenSynced(watcher)])
})
afterEach(async () => {
  editor.destroy()
  watcher.destroy()
  await server.destroy()
})

const freeze = async (name: string) => ((await api(server.url, 'POST', `${BASE}/versions`, { token: moderator, body: { name } })).body as { version: { id: string } }).version.id
const renumber = (token = moderator) => api(server.url, 'POST', `${BASE}/labels/renumber`, { token })

describe('renumbering at the end of a round', () => {
  it('numbers 1, 2, 3 … again, live on every page, recorded, and shown old → new in the next version’s redline', async () => {
    const op8 = clauseIdAt(editor.text, OP7 + 1)
    const op15 = clauseIdAt(editor.text, 22)
    await freeze('Zero draft')
    await waitFor(() => readLabelRecords(watcher.doc).size === 23, 'the round begins')
    addClauseAfter(editor, OP7, 'addedinround', 'Encourages partnerships;')
    await waitFor(() => labelOfId(watcher, 'addedinround') === 'OP7bis', 'the new paragraph is OP7bis')
    const rev1 = await freeze('Rev.1')

    const answer = await renumber()
    expect(answer.status).toBe(200)
    const { changes } = answer.body as { changes: { clauseId: string; from: string; to: string }[] }
    expect(changes[0]).toEqual({ clauseId: 'addedinround', from: 'OP7bis', to: 'OP8' })
    expect(changes.map((change) => `${change.from} → ${change.to}`)).toEqual(['OP7bis → OP8', ...Array.from({ length: 8 }, (_, index) => `OP${index + 8} → OP${index + 9}`)])
    await waitFor(() => labelOfId(watcher, 'addedinround') === 'OP8', 'the new numbers reach the watcher')
    expect(labelOfId(watcher, op8)).toBe('OP9')
    expect(labelOfId(watcher, op15)).toBe('OP16')
    expect(labelsOf(editor)).toEqual([...Array.from({ length: 8 }, (_, index) => `PP${index + 1}`), ...Array.from({ length: 16 }, (_, index) => `OP${index + 1}`)])

    const audit = (await api(server.url, 'GET', `${BASE}/audit`, { token: moderator })).body as { entries: { action: string; details: { changes?: string[] } }[] }
    expect(audit.entries.at(-1)).toMatchObject({ action: 'labels_renumbered', details: { changes: expect.arrayContaining(['OP7bis → OP8', 'OP15 → OP16']) } })

    const rev2 = await freeze('Rev.2')
    const redline = (await api(server.url, 'GET', `${BASE}/redline?from=${rev1}&to=${rev2}`, { token: moderator })).body as Redline & { negotiation: NegotiationChanges & { sentences: string[] } }
    expect(redline.paragraphs.find((paragraph) => paragraph.id === 'addedinround')).toMatchObject({ oldLabel: 'OP7bis', newLabel: 'OP8', status: 'unchanged' })
    expect(redline.negotiation.labels[0]).toEqual({ clauseId: 'addedinround', from: 'OP7bis', to: 'OP8' })
    expect(redline.negotiation.sentences).toContain('OP7bis → OP8')

    // The renumbered text is the new round's: a paragraph added after OP8 is OP8bis.
    addClauseAfter(editor, OP7 + 1, 'nextround', 'Invites donors;')
    await waitFor(() => labelOfId(watcher, 'nextround') === 'OP8bis', 'the next round numbers from the new labels')
  })

  it('is refused while the draft is locked for signature, changing no label', async () => {
    await freeze('Zero draft')
    await waitFor(() => readLabelRecords(watcher.doc).size === 23, 'the round begins')
    addClauseAfter(editor, OP7, 'addedinround', 'Encourages partnerships;')
    await waitFor(() => labelOfId(watcher, 'addedinround') === 'OP7bis', 'the new paragraph is OP7bis')
    const rev1 = await freeze('Rev.1')
    expect((await api(server.url, 'POST', `${BASE}/versions/${rev1}/lock`, { token: moderator })).status).toBe(200)
    const refused = await renumber()
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: 'locked' })
    expect(labelOfId(watcher, 'addedinround')).toBe('OP7bis')
  })
})
