import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { api } from '../../helpers/api.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.destroy())

const closeCodeOf = (client: SyncClient) => new Promise<number>((resolve) => client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
const serverStateVector = async () => Y.encodeStateVector((await server.hub.acquire(DOC)).doc)

describe('drafting mode', () => {
  it('in negotiation, refuses an editor keystroke with 4522, lets a moderator type, and reopens editors on the switch', async () => {
    const chairToken = await startSession(server.url, 'chair')
    const editorToken = await startSession(server.url, 'editor-gbr')
    expect((await api(server.url, 'PUT', `/api/declarations/${DOC}/mode`, { token: editorToken, body: { mode: 'negotiation' } })).status).toBe(403)

    const moderator = connectClient(server.wsUrl, DOC, chairToken)
    const before = connectClient(server.wsUrl, DOC, editorToken)
    await Promise.all([whenSynced(moderator), whenSynced(before)])
    const reopened = closeCodeOf(before)
    const switched = await api(server.url, 'PUT', `/api/declarations/${DOC}/mode`, { token: chairToken, body: { mode: 'negotiation' } })
    expect(switched).toMatchObject({ status: 200, body: { mode: 'negotiation' } })
    expect(await reopened).toBe(CloseCode.roleChanged)
    before.destroy()
    expect((await api(server.url, 'GET', `/api/declarations/${DOC}/mode`, { token: editorToken })).body).toEqual({ mode: 'negotiation' })

    const editor = connectClient(server.wsUrl, DOC, editorToken)
    await whenSynced(editor)
    const refused = closeCodeOf(editor)
    const stateBefore = await serverStateVector()
    clauseText(editor.text, 2).insert(0, '[typed by an editor] ')
    expect(await refused).toBe(CloseCode.changeRefused)
    expect(await serverStateVector()).toEqual(stateBefore)
    editor.destroy()

    clauseText(moderator.text, 2).insert(0, '[the chair] ')
    const watcher = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
    await whenSynced(watcher)
    await waitFor(() => clauseText(watcher.text, 2).toString().startsWith('[the chair] '), 'the moderator edit is applied')
    watcher.destroy()
    moderator.destroy()

    const audit = (await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: chairToken })).body as unknown
    expect(JSON.stringify(audit)).toContain('"action":"mode.changed"')

    expect((await api(server.url, 'PUT', `/api/declarations/${DOC}/mode`, { token: chairToken, body: { mode: 'open' } })).status).toBe(200)
    const again = connectClient(server.wsUrl, DOC, editorToken)
    await whenSynced(again)
    clauseText(again.text, 2).insert(0, '[open again] ')
    const check = connectClient(server.wsUrl, DOC, chairToken)
    await whenSynced(check)
    await waitFor(() => clauseText(check.text, 2).toString().startsWith('[open again] '), 'open drafting lets editors type again')
    check.destroy()
    again.destroy()
  })
})
