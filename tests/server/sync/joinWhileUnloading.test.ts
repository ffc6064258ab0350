import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { api } from '../../helpers/api.js'
import { barrier } from '../../helpers/barrier.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText, clauseTexts, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

describe('joining a declaration while it unloads', () => {
  it('keeps the edits of a socket that joined while another died during the load', async () => {
    const load = barrier()
    const { log, lines } = capturedLogger()
    const server = await startTestServer({ log, hooks: { beforeLoad: load.hold } })
    cleanups.push(() => server.destroy())
    const token = await startSession(server.url)

    // The first socket starts the load and dies while it runs: when the load ends, it lets go of the document.
    const dying = new WebSocket(`${server.wsUrl}/${DOC}`, { headers: { Authorization: `Bearer ${token}` } })
    await Promise.all([load.reached, once(dying, 'open')])
    dying.close()
    await waitFor(() => lines.some((line) => line.event === 'sync_disconnected'), 'the server saw the first socket go')

    // The second socket joins the same load; once it is open, the server is waiting on that load for it too.
    const editor = connectClient(server.wsUrl, DOC, token)
    cleanups.push(() => editor.destroy())
    await new Promise<void>((resolve) => editor.provider.once('status', ({ status }: { status: string }) => status === 'connected' && resolve()))
    load.open()
    await whenSynced(editor)

    clauseText(editor.text, 0).insert(0, 'JOINED-DURING-UNLOAD ')
    await savedAcks(editor)(1)
    const onDisk = await readStoredDocument(server.dataDir, DOC)
    expect(clauseTexts(fragmentOf(onDisk))[0]).toContain('JOINED-DURING-UNLOAD ')

    const reader = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    cleanups.push(() => reader.destroy())
    await whenSynced(reader)
    expect(clauseTexts(reader.text)[0]).toContain('JOINED-DURING-UNLOAD ')
  })

  it('keeps the edits of a socket that joined while a comment was posted on a declaration nobody had open', async () => {
    const load = barrier()
    const server = await startTestServer({ hooks: { beforeLoad: load.hold } })
    cleanups.push(() => server.destroy())
    const token = await startSession(server.url)
    const clauseId = clauseIdAt(fragmentOf(await readStoredDocument(server.dataDir, DOC)), 1)

    // Posting loads the declaration for the request alone and lets go of it as soon as it has quoted the paragraph.
    const posting = api(server.url, 'POST', `/api/declarations/${DOC}/threads`, { token, body: { clauseId, body: 'Comment while loading' } })
    await load.reached
    const editor = connectClient(server.wsUrl, DOC, token)
    cleanups.push(() => editor.destroy())
    await new Promise<void>((resolve) => editor.provider.once('status', ({ status }: { status: string }) => status === 'connected' && resolve()))
    load.open()
    expect((await posting).status).toBe(201)
    await whenSynced(editor)

    clauseText(editor.text, 1).insert(0, 'JOINED-WHILE-COMMENTING ')
    await savedAcks(editor)(1)
    const onDisk = await readStoredDocument(server.dataDir, DOC)
    expect(clauseTexts(fragmentOf(onDisk))[1]).toContain('JOINED-WHILE-COMMENTING ')
  })
})
