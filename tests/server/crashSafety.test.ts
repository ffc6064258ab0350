import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/closeCodes.js'
import { startChildServer, type ChildServer } from '../helpers/childServer.js'
import { clauseText, fragmentOf, readStoredDocument } from '../helpers/declarationText.js'
import { savedAcks } from '../helpers/savedAcks.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../helpers/syncClients.js'
import { tempDataDir } from '../helpers/testServer.js'

const DOC = 'almaty-declaration'
/** Kill rounds: a few in every test run, 20 in `npm run soak`. */
const ROUNDS = Number(process.env.KELISIM_KILL_ROUNDS ?? 4)
const WRITERS = 3

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function stop(child: ChildServer, signal: NodeJS.Signals): Promise<number | null> {
  child.process.kill(signal)
  return child.exited
}

/** A writer that types markers into its own clause and records each one the server confirms is on disk. */
function streamEdits(client: SyncClient, index: number, acknowledged: string[], until: () => boolean): Promise<void> {
  const confirm = savedAcks(client)
  let seq = 0
  return (async () => {
    while (!until()) {
      if (!client.provider.wsconnected || !client.provider.synced) {
        await pause(20)
        continue
      }
      seq += 1
      const marker = `<w${index}s${seq}>`
      clauseText(client.text, index).insert(0, marker)
      // A confirmation lost with a killed server never comes; the marker then simply does not count.
      const lost = pause(2000).then(() => false)
      if (await Promise.race([confirm(seq).then(() => true, () => false), lost])) acknowledged.push(marker)
      await pause(Math.random() * 10)
    }
  })()
}

describe('crash safety', () => {
  it(`loses nothing reported saved across ${ROUNDS} SIGKILLs at random moments, and reconnecting writers converge`, async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    let child = await startChildServer(dataDir)
    const port = new URL(child.url).port
    cleanups.push(async () => void (await stop(child, 'SIGTERM')))
    const token = await startSession(child.url, 'editor-gbr')
    const writers = Array.from({ length: WRITERS }, () => connectClient(child.wsUrl, DOC, token))
    for (const writer of writers) {
      // Come back quickly after each restart instead of backing off for seconds.
      writer.provider.maxBackoffTime = 100
      cleanups.push(() => writer.destroy())
    }
    await Promise.all(writers.map(whenSynced))
    const acknowledged: string[] = []
    let done = false
    const streams = writers.map((writer, index) => streamEdits(writer, index, acknowledged, () => done))

    for (let round = 0; round < ROUNDS; round += 1) {
      await pause(150 + Math.random() * 450)
      expect(await stop(child, 'SIGKILL')).toBeNull()
      // What is on disk now, before any writer can resend what it has, must hold every confirmed marker.
      const stored = fragmentOf(await readStoredDocument(dataDir, DOC)).toString()
      expect(acknowledged.filter((marker) => !stored.includes(marker))).toEqual([])
      child = await startChildServer(dataDir, { PORT: port })
      await waitFor(() => writers.every((writer) => writer.provider.synced), `writers resync after kill ${round + 1}`, 20_000)
    }
    done = true
    await Promise.all(streams)
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 5)

    const reader = connectClient(child.wsUrl, DOC, token)
    cleanups.push(() => reader.destroy())
    await whenSynced(reader)
    const everywhere = () => writers.every((writer) => writer.text.toString() === reader.text.toString())
    await waitFor(everywhere, 'writers and a fresh reader converge', 20_000)
  }, 240_000)

  it('saves everything on SIGTERM before exiting, and tells clients to come back', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const child = await startChildServer(dataDir)
    const token = await startSession(child.url, 'editor-gbr')
    const writer = connectClient(child.wsUrl, DOC, token)
    const observer = connectClient(child.wsUrl, DOC, token)
    cleanups.push(() => writer.destroy(), () => observer.destroy())
    await Promise.all([whenSynced(writer), whenSynced(observer)])
    const closes: number[] = []
    observer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0))

    let typing = true
    const typed = (async () => {
      for (let n = 0; typing; n += 1) {
        if (writer.provider.wsconnected) clauseText(writer.text, 0).insert(0, `<t${n}>`)
        await pause(2)
      }
    })()
    await pause(400)
    const exitCode = await stop(child, 'SIGTERM')
    typing = false
    await typed
    writer.provider.disconnect()
    observer.provider.disconnect()

    expect(exitCode).toBe(0)
    expect(closes[0]).toBe(CloseCode.serverShuttingDown)
    // Everything the observer saw had been applied by the server, so all of it must be on disk.
    const seen = clauseText(observer.text, 0).toString().match(/<t\d+>/g) ?? []
    const stored = clauseText(fragmentOf(await readStoredDocument(dataDir, DOC)), 0).toString()
    expect(seen.length).toBeGreaterThan(20)
    expect(seen.filter((marker: string) => !stored.includes(marker))).toEqual([])
  })
})
