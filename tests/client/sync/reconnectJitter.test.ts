import type WebSocket from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reconnectDelay, spreadReconnects, type ReconnectBackoff } from '../../../client/src/sync/reconnectJitter.js'
import { clauseText } from '../../helpers/declarationText.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const backoff: ReconnectBackoff = { baseMs: 400, capMs: 3000 }

describe('reconnectDelay', () => {
  it('stays within a window that doubles with each attempt up to the cap', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const window = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt)
      expect(reconnectDelay(attempt, backoff, () => 0)).toBe(0)
      const longest = reconnectDelay(attempt, backoff, () => 0.999_999)
      expect(longest).toBeLessThan(window)
      expect(longest).toBeGreaterThanOrEqual(window - 1)
    }
    expect(reconnectDelay(1, backoff, () => 0.5)).toBe(2 * reconnectDelay(0, backoff, () => 0.5))
    expect(reconnectDelay(30, backoff, () => 0.999_999)).toBeLessThan(backoff.capMs)
  })

  it('spreads clients over the whole window rather than one instant', () => {
    const delays = Array.from({ length: 1000 }, () => reconnectDelay(0, backoff))
    expect(Math.min(...delays)).toBeLessThan(backoff.baseMs * 0.1)
    expect(Math.max(...delays)).toBeGreaterThan(backoff.baseMs * 0.9)
  })
})

describe('spreadReconnects on a real connection', () => {
  let server: TestServer
  let lines: Record<string, unknown>[]
  /** When the server admitted each connection. */
  const admitted = () => lines.filter((line) => line.event === 'sync_connected').map((line) => line.at as number)
  let clients: SyncClient[] = []

  beforeEach(async () => {
    const captured = capturedLogger()
    lines = captured.lines
    server = await startTestServer({ log: captured.log })
  })

  afterEach(async () => {
    for (const client of clients) client.destroy()
    clients = []
    await server.destroy()
  })

  async function connect(login: string, random: () => number): Promise<SyncClient> {
    const client = connectClient(server.wsUrl, DOC, await startSession(server.url, login))
    clients.push(client)
    spreadReconnects(client.provider, backoff, random)
    await whenSynced(client)
    return client
  }

  /** Cuts the socket as a network failure would, and resolves with how long the server waited for the client to return. */
  async function dropAndTimeReturn(client: SyncClient): Promise<number> {
    const before = admitted().length
    const droppedAt = performance.now()
    ;(client.provider.ws as unknown as WebSocket).terminate()
    await waitFor(() => admitted().length > before && client.provider.synced, 'the client came back')
    return admitted()[before]! - droppedAt
  }

  it('retries a lost connection after its jittered delay, and starts the backoff over once synced', async () => {
    const client = await connect('editor-gbr', () => 0.75)
    // 0.75 of the first window (400 ms) each time: growing to 600 ms would mean the backoff was not reset.
    for (let drop = 0; drop < 3; drop += 1) {
      const waited = await dropAndTimeReturn(client)
      expect(waited).toBeGreaterThanOrEqual(300)
      expect(waited).toBeLessThan(550)
    }
  })

  it('never reconnects after the server refuses access with a 44xx close', async () => {
    const observer = await connect('observer-egy', () => 0)
    const closed = new Promise<number>((resolve) => observer.provider.on('closed', ({ code }) => resolve(code)))
    clauseText(observer.text, 0).insert(0, 'not allowed ')
    expect(await closed).toBe(4405)
    await new Promise((resolve) => setTimeout(resolve, 2 * backoff.baseMs))
    expect(admitted()).toHaveLength(1)
    expect(observer.provider.ws).toBeNull()
  })

  it('leaves a deliberate disconnect alone', async () => {
    const client = await connect('editor-nga', () => 0)
    client.provider.disconnect()
    await new Promise((resolve) => setTimeout(resolve, 2 * backoff.baseMs))
    expect(admitted()).toHaveLength(1)
    expect(client.provider.ws).toBeNull()
  })
})
