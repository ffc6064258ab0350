import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { barrier } from '../../helpers/barrier.js'
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
})
