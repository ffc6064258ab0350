import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sendInPieces } from '../../../client/src/sync/sendInPieces.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { MAX_FRAME_BYTES } from '../../../shared/protocol/syncLimits.js'
import { clauseText, clauseTexts, fragmentOf } from '../../helpers/declarationText.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const captured = capturedLogger()
let server: TestServer
let token: string

beforeAll(async () => {
  server = await startTestServer({ log: captured.log })
  token = await startSession(server.url, 'editor-gbr')
})

afterAll(() => server.destroy())

/** Many small edits in several scripts, made while offline, that add up to more than the frame limit. */
function editOffline(client: SyncClient): void {
  const words = 'Қазақ тілі 中文 العربية Русский 😀 inclusive '.repeat(20)
  for (let i = 0; Y.encodeStateAsUpdate(client.doc).byteLength < 1.3 * MAX_FRAME_BYTES; i += 1) {
    clauseText(client.text, i % 6).insert(0, `${i}: ${words}`)
  }
  // And one long run typed at the end of a paragraph, which Yjs keeps as a single item larger than a frame.
  const end = clauseText(client.text, 7)
  for (let i = 0; i < 40; i += 1) end.insert(end.length, `${'x😀'.repeat(10_000)} `)
}

/** Resolves with the code of the first close after `connect()`, and stops the client from retrying. */
function firstClose(client: SyncClient): Promise<number> {
  return new Promise((resolve) =>
    client.provider.on('connection-close', (event) => {
      queueMicrotask(() => client.provider.disconnect())
      resolve(event?.code ?? 0)
    }),
  )
}

async function offlineClient(): Promise<SyncClient> {
  const client = connectClient(server.wsUrl, DOC, token)
  await whenSynced(client)
  client.provider.disconnect()
  editOffline(client)
  return client
}

describe('offline changes over the frame limit', () => {
  it('close a stock client with 1009, and the server records 1009 rather than an abnormal close', async () => {
    const client = await offlineClient()
    const closed = firstClose(client)
    client.provider.connect()
    expect(await closed).toBe(CloseCode.tooLarge)
    await waitFor(() => captured.lines.some((line) => line.event === 'sync_disconnected' && line.code === CloseCode.tooLarge), 'the close is logged as 1009')
    expect(captured.lines.some((line) => line.event === 'sync_disconnected' && line.code === 1006)).toBe(false)
    client.destroy()
  })

  it('arrive whole, in pieces the server accepts, when the client sends them in pieces', async () => {
    const client = await offlineClient()
    sendInPieces(client.provider)
    const refusals = captured.lines.filter((line) => line.event === 'sync_message_refused').length
    client.provider.connect()
    await whenSynced(client)

    const reader = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-kaz'))
    await whenSynced(reader)
    await waitFor(() => Y.encodeStateAsUpdate(reader.doc).byteLength >= Y.encodeStateAsUpdate(client.doc).byteLength, 'every piece arrives', 30_000)
    expect(clauseTexts(fragmentOf(reader.doc))).toEqual(clauseTexts(client.text))
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(client.doc))
    expect(captured.lines.filter((line) => line.event === 'sync_message_refused').length).toBe(refusals)

    // And the connection goes on: an ordinary keystroke after the pieces is received.
    clauseText(client.text, 0).insert(0, 'after ')
    await waitFor(() => clauseTexts(fragmentOf(reader.doc))[0]!.startsWith('after '), 'a keystroke after the pieces arrives')
    client.destroy()
    reader.destroy()
  })

  it('arrive whole when a local copy over the limit loads while connected, as a reopened browser does', async () => {
    const client = connectClient(server.wsUrl, DOC, token)
    sendInPieces(client.provider)
    await whenSynced(client)
    // The browser's stored copy: the server's text plus what an earlier page wrote and never sent.
    const stored = connectClient(server.wsUrl, DOC, token, { connect: false })
    Y.applyUpdate(stored.doc, Y.encodeStateAsUpdate(client.doc))
    editOffline(stored)
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(stored.doc), 'local copy')

    const reader = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-kaz'))
    await whenSynced(reader)
    await waitFor(() => Y.encodeStateAsUpdate(reader.doc).byteLength >= Y.encodeStateAsUpdate(client.doc).byteLength, 'every piece arrives', 30_000)
    expect(clauseTexts(fragmentOf(reader.doc))).toEqual(clauseTexts(client.text))
    expect(client.provider.wsconnected).toBe(true)
    for (const each of [client, stored, reader]) each.destroy()
  })
})
