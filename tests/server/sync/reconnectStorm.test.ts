import { readFile, rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultReconnectBackoff, spreadReconnects } from '../../../client/src/sync/reconnectJitter.js'
import { startChildServer, type ChildServer } from '../../helpers/childServer.js'
import { clauseText } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const CLIENTS = 300
/** Memory from /proc is in KiB. */
const KIB_PER_MIB = 1024

let clients: SyncClient[] = []
let cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

/** For each client, when it began the attempt that got it back in (performance.now()): its arrival at the server. */
function arrivals(all: SyncClient[]): number[] {
  const arrived: number[] = []
  for (const client of all) {
    let attempt = 0
    client.provider.on('status', ({ status }) => {
      if (status === 'connecting') attempt = performance.now()
      if (status === 'connected') arrived.push(attempt)
    })
  }
  return arrived
}

/** The server process's resident memory now and at its peak, in KiB (Linux). */
async function residentKiB(server: ChildServer): Promise<{ now: number; peak: number }> {
  const status = await readFile(`/proc/${server.process.pid}/status`, 'utf8')
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { now: field('VmRSS'), peak: field('VmHWM') }
}

/** The most arrivals within any `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let most = 0
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! > windowMs) first += 1
    most = Math.max(most, last - first + 1)
  }
  return most
}

const everyoneShows = (text: string) => () => clients.every((client) => client.provider.synced && client.text.toString().includes(text))

describe('a reconnect storm after the server restarts', () => {
  it(`${CLIENTS} browsers come back spread over the jitter window, all resync, and the server's memory stays bounded`, async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    // One account stands for 300 browsers here.
    const first = await startChildServer(dataDir, { CONNECTIONS_PER_PERSON: String(CLIENTS) })
    cleanups.push(async () => {
      first.process.kill('SIGKILL')
      await first.exited
    })
    const port = new URL(first.url).port
    const token = await startSession(first.url, 'editor-gbr')
    clients = Array.from({ length: CLIENTS }, () => connectClient(first.wsUrl, DOC, token))
    for (const client of clients) spreadReconnects(client.provider)
    await Promise.all(clients.map(whenSynced))
    clauseText(clients[0]!.text, 0).insert(0, 'BEFORE-RESTART ')
    await savedAcks(clients[0]!)(1)
    await waitFor(everyoneShows('BEFORE-RESTART'), 'the edit before the restart reached everyone', 20_000)

    const arrived = arrivals(clients)
    // The process dies with every socket open, as in a crash or a forced redeploy.
    first.process.kill('SIGKILL')
    await first.exited
    const restarted = await startChildServer(dataDir, { PORT: port, CONNECTIONS_PER_PERSON: String(CLIENTS) })
    cleanups.push(async () => {
      restarted.process.kill('SIGTERM')
      await restarted.exited
    })
    await waitFor(() => clients.every((client) => client.provider.synced), 'every client resynced', 40_000)
    const memory = await residentKiB(restarted)

    const spreadMs = Math.round(Math.max(...arrived) - Math.min(...arrived))
    const busiest = busiestWindow(arrived, 50)
    console.info(
      `reconnect storm: ${arrived.length} arrivals over ${spreadMs} ms, at most ${busiest} in any 50 ms; ` +
        `server rss ${Math.round(memory.now / KIB_PER_MIB)} MiB, peak ${Math.round(memory.peak / KIB_PER_MIB)} MiB`,
    )
    expect(arrived).toHaveLength(CLIENTS)
    expect(spreadMs).toBeGreaterThanOrEqual(defaultReconnectBackoff.baseMs * 0.8)
    // Spread over a second or more, any 50 ms holds a few percent; on a shared fixed schedule they all land in one.
    expect(busiest).toBeLessThanOrEqual(CLIENTS / 8)
    expect(memory.peak).toBeLessThan(512 * KIB_PER_MIB)

    clauseText(clients[CLIENTS - 1]!.text, 1).insert(0, 'AFTER-RESTART ')
    await waitFor(everyoneShows('AFTER-RESTART'), 'an edit after the restart reached everyone', 20_000)
    const text = clients[0]!.text.toString()
    expect(clients.every((client) => client.text.toString() === text)).toBe(true)
    expect(text).toContain('BEFORE-RESTART')
  })
})
