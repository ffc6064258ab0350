import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeControl } from '../../../shared/protocol/controlCodec.js'
import { encodeAwarenessFrame, encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { clauseText, clauseTexts, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

describe('"saved" for changes Yjs holds back', () => {
  it('waits until the held-back update is applied and on disk', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.destroy())
    const token = await startSession(server.url, 'editor-gbr')
    const reader = connectClient(server.wsUrl, DOC, token)
    cleanups.push(() => reader.destroy())
    await whenSynced(reader)
    const page = new Y.Doc()
    Y.applyUpdate(page, Y.encodeStateAsUpdate(reader.doc))
    const socket = await openRawSync(server.wsUrl, DOC, token)
    cleanups.push(() => socket.ws.close())
    socket.send(encodeAwarenessFrame(encodeAwarenessUpdate(new Awareness(page), [page.clientID])))

    const start = Y.encodeStateVector(page)
    clauseText(fragmentOf(page), 1).insert(0, 'FIRST ')
    const first = Y.encodeStateAsUpdate(page, start)
    const middle = Y.encodeStateVector(page)
    clauseText(fragmentOf(page), 1).insert(0, 'SECOND ')
    // The second keystroke overtakes the first, as after a reconnect; the server must wait for the first.
    socket.send(encodeUpdateFrame(Y.encodeStateAsUpdate(page, middle)))
    socket.send(encodeControl({ v: 1, type: 'flush', seq: 1 }))
    expect(await socket.probe()).toBe(true)
    expect(socket.controls.filter((message) => message.type === 'saved')).toEqual([])

    socket.send(encodeUpdateFrame(first))
    await waitFor(() => socket.controls.some((message) => message.type === 'saved' && message.seq === 1), '"saved" once both are applied')
    const onDisk = await readStoredDocument(server.dataDir, DOC)
    expect(clauseTexts(fragmentOf(onDisk))[1]).toMatch(/^SECOND FIRST /)
  })
})
