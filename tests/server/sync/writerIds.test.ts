import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { encodeAwarenessFrame, encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { clauseText, fragmentOf } from '../../helpers/declarationText.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let token: string

beforeAll(async () => {
  server = await startTestServer()
  token = await startSession(server.url, 'editor-gbr')
})

afterAll(() => server.destroy())

/** A copy of a client's document that writes under that client's own writer id, as a tampered client could. */
function impersonate(victim: SyncClient): Y.Doc {
  const forger = new Y.Doc()
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(victim.doc))
  // After loading: Yjs gives itself a new id when it loads changes made under its own.
  forger.clientID = victim.doc.clientID
  return forger
}

async function connected(): Promise<SyncClient> {
  const client = connectClient(server.wsUrl, DOC, token)
  await whenSynced(client)
  // The provider announces its presence on connect; that is how the server learns whose writer id it is.
  await waitFor(() => client.provider.awareness.getStates().size > 0, 'presence announced')
  return client
}

describe('writer ids', () => {
  it("refuses new changes under another person's open connection's writer id with 4509, and that writer's edits still land", async () => {
    const victim = await connected()
    clauseText(victim.text, 0).insert(0, 'victim was here ')
    const reader = await connected()
    await waitFor(() => reader.text.toString().includes('victim was here'), 'the victim is known to the server')
    const forger = impersonate(victim)
    const before = Y.encodeStateVector(forger)
    clauseText(fragmentOf(forger), 0).insert(0, 'FORGED ')
    const attacker = await openRawSync(server.wsUrl, DOC, await startSession(server.url, 'editor-nga'))
    attacker.send(encodeUpdateFrame(Y.encodeStateAsUpdate(forger, before)))
    expect(await attacker.closed).toMatchObject({ code: CloseCode.writerConflict })

    clauseText(victim.text, 0).insert(0, 'REAL ')
    await waitFor(() => reader.text.toString().includes('REAL victim was here'), "the victim's next edit reaches others")
    expect(reader.text.toString()).not.toContain('FORGED')
    victim.destroy()
    reader.destroy()
  })

  it("refuses pieces that would wait under another writer's id, which could later stand in for that writer's real edits", async () => {
    const victim = await connected()
    const forger = impersonate(victim)
    clauseText(fragmentOf(forger), 1).insert(0, 'skipped ')
    const skipped = Y.encodeStateVector(forger)
    clauseText(fragmentOf(forger), 1).insert(0, 'PARKED ')
    // Only the second edit: it starts past what the server has of this writer.
    const attacker = await openRawSync(server.wsUrl, DOC, token)
    victim.destroy()
    // Gone: its id is no longer live anywhere, so only the waiting itself can be refused.
    while (await server.hub.withDocument(DOC, (document) => document.presenceOwners.has(forger.clientID))) await new Promise((resolve) => setTimeout(resolve, 10))
    attacker.send(encodeUpdateFrame(Y.encodeStateAsUpdate(forger, skipped)))
    expect(await attacker.closed).toMatchObject({ code: CloseCode.malformedMessage })
    expect(await server.hub.withDocument(DOC, (document) => document.doc.store.pendingStructs)).toBeNull()
  })

  it('lets a page that reconnects before its old socket is known dead keep writing under its own id', async () => {
    const reader = await connected()
    const page = new Y.Doc()
    Y.applyUpdate(page, Y.encodeStateAsUpdate(reader.doc))
    const presence = encodeAwarenessFrame(encodeAwarenessUpdate(new Awareness(page), [page.clientID]))
    // The old socket stays open on the server, as a dropped Wi-Fi link does until the heartbeat notices.
    const old = await openRawSync(server.wsUrl, DOC, token)
    old.send(presence)
    expect(await old.probe()).toBe(true)
    const reconnected = await openRawSync(server.wsUrl, DOC, token)
    reconnected.send(presence)
    const before = Y.encodeStateVector(page)
    clauseText(fragmentOf(page), 2).insert(0, 'AFTER RECONNECT ')
    reconnected.send(encodeUpdateFrame(Y.encodeStateAsUpdate(page, before)))
    expect(await reconnected.probe()).toBe(true)
    await waitFor(() => reader.text.toString().includes('AFTER RECONNECT'), 'the edit lands')
    for (const socket of [old, reconnected]) socket.ws.close()
    reader.destroy()
  })
})
