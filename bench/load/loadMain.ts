import { readFile } from 'node:fs/promises'
import { ProcessMeter } from '../child/ProcessMeter.js'
import { serveRequests } from '../child/serveRequests.js'
import { summarize } from '../report/summarize.js'
import { EditKeys } from './EditKeys.js'
import { EditLedger } from './EditLedger.js'
import { connectFullClient } from './FullClient.js'
import { largeHistory } from './largeHistory.js'
import type { CollectParams, CollectResult, JoinParams, JoinStormResult, OpenParams, OpenResult, PushParams, PushResult, TypeParams, TypeResult } from './loadProtocol.js'
import { RawReceiver } from './RawReceiver.js'
import { realisticState } from './realisticState.js'
import { updateFrame, type Target } from './wireDialect.js'
import { Writer } from './Writer.js'

// Every stock y-websocket provider listens for this process's exit; dozens of writers are expected, not a leak.
process.setMaxListeners(0)

const meter = new ProcessMeter()
let ledger = new EditLedger()
let writers: Writer[] = []
let receivers: RawReceiver[] = []
/** Unmeasured connections that keep each document loaded, by name; the peers forget a document when its last client leaves. */
const anchors = new Map<string, RawReceiver>()
const histories = new Map<string, Uint8Array[]>()
const editKeys = new EditKeys()

function receive(update: Uint8Array): void {
  for (const key of editKeys.of(update)) ledger.received(key)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) return false
    await sleep(5)
  }
  return true
}

/** Opens receivers in waves, so a thousand handshakes do not all queue at once. */
async function openReceivers(params: JoinParams): Promise<RawReceiver[]> {
  const { tokens } = params
  const opened: RawReceiver[] = []
  for (let start = 0; start < params.count; start += 100) {
    const wave = Array.from({ length: Math.min(100, params.count - start) }, (_, index) =>
      new RawReceiver(params.target, tokens[(start + index) % tokens.length]!, { onUpdate: (update) => receive(update) }),
    )
    await until(() => wave.every((receiver) => receiver.synced), 30_000)
    opened.push(...wave)
  }
  return opened
}

/** Sends updates through one short-lived connection, each confirmed by a fresh sync answer before the next. */
async function pushUpdates(target: Target, token: string, updates: Uint8Array[]): Promise<RawReceiver> {
  let answers = 0
  const pusher = new RawReceiver(target, token, { onSynced: () => (answers += 1) })
  await until(() => answers === 1, 30_000)
  for (const update of updates) {
    pusher.send(updateFrame(target, update))
    // One update at a time, each confirmed, as a client that respects the server's pace would send them.
    pusher.requestSync()
    const expected = answers + 1
    if (!(await until(() => answers >= expected, 60_000))) throw new Error('the server stopped answering while updates were pushed')
  }
  return pusher
}

/** Opens the anchor connection if there is none; the peers, which start empty, are given the realistic text through it. */
async function ensureAnchor(target: Target, token: string): Promise<void> {
  if (anchors.has(target.document)) return
  anchors.set(target.document, await pushUpdates(target, token, target.kind === 'kelisim' ? [] : [realisticState()]))
}

async function closeEverything(): Promise<void> {
  for (const writer of writers) {
    writer.stop()
    writer.client.destroy()
  }
  writers = []
  await Promise.all(receivers.map((receiver) => receiver.close()))
  receivers = []
  await Promise.all([...anchors.values()].map((anchor) => anchor.close()))
  anchors.clear()
}

serveRequests({
  open: async (params: OpenParams): Promise<OpenResult> => {
    const started = performance.now()
    await ensureAnchor(params.target, params.tokens[0]!)
    const fresh = Array.from({ length: params.writers }, (_, index) => {
      const client = connectFullClient(params.target, params.tokens[index % params.tokens.length]!)
      return new Writer(client, index, params.measureSaves)
    })
    await Promise.all(fresh.map((writer) => writer.client.synced))
    writers.push(...fresh)
    const opened = await openReceivers({ target: params.target, tokens: params.tokens, count: params.connections - params.writers })
    receivers.push(...opened)
    return { openMs: performance.now() - started, receivers: opened.length, synced: opened.filter((receiver) => receiver.synced).length }
  },

  type: async (params: TypeParams): Promise<TypeResult> => {
    ledger = new EditLedger()
    for (const writer of writers) writer.savedAfterMs.length = 0
    meter.reset()
    for (const writer of writers) writer.start(ledger, params.rate, params.cursors)
    await sleep(params.seconds * 1000)
    for (const writer of writers) writer.stop()
    const load = meter.read()
    const expected = () => ledger.edits * receivers.length
    await until(() => ledger.delivered >= expected() && writers.every((writer) => writer.unsaved === 0), params.drainSeconds * 1000)
    const saved = writers.flatMap((writer) => writer.savedAfterMs)
    return {
      latencyMs: summarize(ledger.latencies()),
      edits: ledger.edits,
      expected: expected(),
      delivered: ledger.delivered,
      savedMs: saved.length > 0 ? summarize(saved) : null,
      load,
      sendTimes: ledger.sendTimes(),
    }
  },

  record: () => {
    ledger = new EditLedger()
    meter.reset()
  },

  collect: async (params: CollectParams): Promise<CollectResult> => {
    const load = meter.read()
    if (params.sendTimes) ledger.adopt(params.sendTimes)
    const expected = ledger.edits * receivers.length
    await until(() => ledger.delivered >= expected, params.drainSeconds * 1000)
    return { samples: [...ledger.latencies()], expected, delivered: ledger.delivered, load }
  },

  openReceivers: async (params: JoinParams): Promise<number> => {
    const opened = await openReceivers(params)
    receivers.push(...opened)
    return opened.filter((receiver) => receiver.synced).length
  },

  joinStorm: async (params: JoinParams): Promise<JoinStormResult> => {
    await ensureAnchor(params.target, params.tokens[0]!)
    meter.reset()
    const started = performance.now()
    const storm = Array.from({ length: params.count }, (_, index) => new RawReceiver(params.target, params.tokens[index % params.tokens.length]!, {}))
    await until(() => storm.every((receiver) => receiver.synced), 60_000)
    const allSyncedMs = performance.now() - started
    const load = meter.read()
    const synced = storm.filter((receiver) => receiver.synced)
    await Promise.all(storm.map((receiver) => receiver.close()))
    return { allSyncedMs, synced: synced.length, eachMs: summarize(synced.map((receiver) => receiver.syncedAfterMs)), load }
  },

  joinOneByOne: async (params: JoinParams): Promise<number[]> => {
    const times: number[] = []
    for (let index = 0; index < params.count; index += 1) {
      const joiner = new RawReceiver(params.target, params.tokens[0]!, {})
      await until(() => joiner.synced, 30_000)
      times.push(joiner.synced ? joiner.syncedAfterMs : Number.NaN)
      await joiner.close()
    }
    return times
  },

  pushLarge: async (params: PushParams): Promise<PushResult> => {
    const key = `${params.basePath}:${params.paragraphs}`
    const base = new Uint8Array(await readFile(params.basePath))
    const history = histories.get(key) ?? largeHistory(base, params.paragraphs)
    histories.set(key, history)
    const started = performance.now()
    const updates = params.sendBase ? [base, ...history] : history
    anchors.set(params.target.document, await pushUpdates(params.target, params.token, updates))
    return { updates: updates.length, bytes: updates.reduce((sum, update) => sum + update.byteLength, 0), ms: performance.now() - started }
  },

  openIdle: async (params: JoinParams): Promise<number> => {
    await ensureAnchor(params.target, params.tokens[0]!)
    const opened = await openReceivers(params)
    receivers.push(...opened)
    return opened.filter((receiver) => receiver.synced).length
  },

  closeAll: () => closeEverything(),
})
