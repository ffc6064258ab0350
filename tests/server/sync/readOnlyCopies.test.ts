import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clauseText } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.destroy())

describe('read-only connections with a local copy', () => {
  it('stay open when they resend what the server already has, as a browser loading its offline copy does', async () => {
    const editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    await whenSynced(editor)
    // A deletion: every copy of the document carries it from now on, and every sync reply repeats it.
    clauseText(editor.text, 0).insert(0, 'typo ')
    clauseText(editor.text, 0).delete(0, 'typo '.length)
    await savedAcks(editor)(1)
    const copy = Y.encodeStateAsUpdate(editor.doc)
    editor.destroy()

    const observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'), { connect: false })
    Y.applyUpdate(observer.doc, copy)
    let closed: number | null = null
    observer.provider.on('connection-close', (event) => (closed = event?.code ?? 0))
    observer.provider.connect()
    await whenSynced(observer)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(closed).toBeNull()
    expect(observer.provider.wsconnected).toBe(true)
    observer.destroy()
  })
})
