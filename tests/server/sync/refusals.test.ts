import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { clauseText, fragmentOf } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'
import { upgradeStatus as upgradeStatusOf } from '../../helpers/rawHttp.js'

let server: TestServer
let token: string

beforeAll(async () => {
  server = await startTestServer()
  token = await startSession(server.url)
})

afterAll(() => server.destroy())

/** The status of an upgrade to `path`, with the session's token unless other headers are given. */
function upgradeStatus(path: string, headers: Record<string, string> = { Authorization: `Bearer ${token}` }): Promise<number> {
  return upgradeStatusOf(server.port, path, headers)
}

/** Opens a real websocket, sends frames, and reports how the server closed it. */
function attempt(path: string, headers: Record<string, string> = { Authorization: `Bearer ${token}` }, frames: Uint8Array[] = []) {
  return new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers })
    ws.on('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)))
    ws.on('error', () => undefined)
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame)
    })
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
}

describe('the sync endpoint refuses', () => {
  it.each([
    '/sync/..%2F..%2Fetc',
    '/sync/%2e%2e',
    '/sync/Almaty-Declaration',
    '/sync/a\\b',
    '/sync/a:b',
    '/sync/a%00b',
    '/sync/%2E%2E',
    '/sync/..',
    '/sync/a%2Fb',
    `/sync/${'a'.repeat(10_000)}`,
    '/sync/',
    '/sync/almaty-declaration/extra',
  ])('the bad document name %s with 400', async (path) => {
    expect(await upgradeStatus(path)).toBe(400)
  })

  it('an unknown declaration with 404, creating nothing', async () => {
    const before = await readdir(join(server.dataDir, 'documents'))
    for (let i = 0; i < 50; i += 1) expect(await upgradeStatus(`/sync/no-such-declaration-${i}`)).toBe(404)
    expect(await readdir(join(server.dataDir, 'documents'))).toEqual(before)
    expect(server.hub.size).toBe(0)
  })

  it('a connection without a session, or with a forged token, with 401', async () => {
    expect(await upgradeStatus('/sync/almaty-declaration', {})).toBe(401)
    expect(await upgradeStatus('/sync/almaty-declaration', { Authorization: 'Bearer forged' })).toBe(401)
    expect(await upgradeStatus('/sync/almaty-declaration')).toBe(101)
  })

  it('paths outside /sync with 404', async () => {
    expect(await upgradeStatus('/elsewhere')).toBe(404)
  })

  it('an editor built on another schema version, closing so it does not reconnect', async () => {
    const result = await attempt('/sync/almaty-declaration?schema=999')
    expect(result.code).toBe(CloseCode.schemaMismatch)
    expect(result.reason).toMatch(/reload/)
  })

  it.each([
    ['an unknown message type', Uint8Array.of(77, 1, 2)],
    ['a truncated varint', Uint8Array.of(0, 2, 0xff)],
    ['a huge declared length', Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0x7f, 1)],
    ['an invalid update', Uint8Array.of(0, 2, 5, 9, 9, 9, 9, 9)],
    ['trailing bytes', Uint8Array.of(3, 0)],
    ['bad control JSON', Uint8Array.of(100, 3, 0x7b, 0x7b, 0x7b)],
    ['an unknown sync step', Uint8Array.of(0, 9, 0)],
  ])('%s with close code 4400, and keeps serving others', async (_name, frame) => {
    const result = await attempt('/sync/almaty-declaration', undefined, [frame])
    expect(result.code).toBe(CloseCode.malformedMessage)
    const honest = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(honest)
    expect(honest.text.length).toBeGreaterThan(10)
    honest.destroy()
  })

  it('at the first bad frame: a valid edit sent right after it in the same burst is never applied', async () => {
    const honest = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(honest)
    const edit = new Y.Doc()
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(honest.doc))
    const before = Y.encodeStateVector(edit)
    clauseText(fragmentOf(edit), 0).insert(0, 'AFTER-THE-BAD-FRAME ')
    const result = await attempt('/sync/almaty-declaration', undefined, [Uint8Array.of(77, 1, 2), encodeUpdateFrame(Y.encodeStateAsUpdate(edit, before))])
    expect(result.code).toBe(CloseCode.malformedMessage)
    const reader = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(reader)
    expect(reader.text.toString()).not.toContain('AFTER-THE-BAD-FRAME')
    for (const client of [honest, reader]) client.destroy()
  })
})
