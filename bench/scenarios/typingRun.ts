import type { ProcessStats } from '../child/ProcessMeter.js'
import type { CollectResult, OpenResult, TypeResult } from '../load/loadProtocol.js'
import { summarize } from '../report/summarize.js'
import type { BenchServer } from '../servers/BenchServer.js'
import type { BenchContext } from './BenchContext.js'
import { worstLoad } from './loadProcesses.js'

/** How long a typing window waits afterwards for deliveries and saves still on their way. */
export const DRAIN_SECONDS = 10

/** A short untimed window first, so a fresh server's first compilations and allocations are not measured. */
const WARM_UP_SECONDS = 1

/** One typing window and what it cost the server. */
export interface TypingRun {
  open: OpenResult
  /** The typing window as all load processes together saw it; `load` is the most held-back of them. */
  typing: TypeResult
  server: ProcessStats
  /** The server's RSS after garbage collection with no connection open, in bytes. */
  idleRssBytes: number
  /** Deliveries that never arrived. */
  missing: number
  /** Load processes the window used, the writers' one among them. */
  loadProcesses: number
}

/** How a typing window runs: cursor moves with every keystroke or none, and which load processes time the edits. */
export interface TypingHow {
  cursors: boolean
  /** Load processes that hold receivers. */
  processes: number
  /**
   * Whether the writers' process holds none of them. Its twenty full Y.Docs pause it now and then for tens of
   * milliseconds, and receivers sharing its loop counted those pauses as the server's (a cluster of late deliveries
   * seen in that process alone).
   */
  apart: boolean
}

/** `total` in `parts` shares as even as can be, the larger ones first. */
function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0))
}

/** The tokens rotated to start at `offset`, so each process's round-robin continues where the one before stopped. */
function rotated(tokens: string[], offset: number): string[] {
  const start = offset % tokens.length
  return [...tokens.slice(start), ...tokens.slice(0, start)]
}

/**
 * Opens `connections` to a document (the configured writers plus light receivers, spread over `how.processes` load
 * processes, apart from the writers' one or with it), warms up, and measures one typing window; with `how.cursors` every writer moves its cursor with every
 * keystroke. Receivers in other processes time edits against the writers' send times on the machine's shared clock.
 */
export async function typingRun(context: BenchContext, server: BenchServer, document: string, connections: number, seconds: number, how: TypingHow): Promise<TypingRun> {
  const { rate } = context.options
  const writers = Math.min(context.options.writers, connections)
  const { rss: idleRssBytes } = await server.memoryAfterGc()
  const [main, ...others] = context.loads.take(how.processes + (how.apart ? 1 : 0))
  const receiving = shares(connections - writers, how.processes)
  const [mainShare, ...otherShares] = how.apart ? [0, ...receiving] : receiving
  const target = server.target(document)
  const open = await main!.call<OpenResult>('open', { target, tokens: server.tokens, connections: writers + mainShare!, writers, measureSaves: false })
  let offset = writers + mainShare!
  for (const [index, load] of others.entries()) {
    const count = otherShares[index]!
    open.receivers += count
    open.synced += await load.call<number>('openReceivers', { target, tokens: rotated(server.tokens, offset), count })
    offset += count
  }
  await main!.call<TypeResult>('type', { seconds: WARM_UP_SECONDS, rate, drainSeconds: WARM_UP_SECONDS, cursors: how.cursors })
  await Promise.all(others.map((load) => load.call('record')))
  await server.resetStats()
  const local = await main!.call<TypeResult>('type', { seconds, rate, drainSeconds: DRAIN_SECONDS, cursors: how.cursors })
  const stats = await server.stats()
  const typing = others.length === 0 ? local : await merged(local, main!, others)
  return { open, typing, server: stats, idleRssBytes, missing: typing.expected - typing.delivered, loadProcesses: how.processes + (how.apart ? 1 : 0) }
}

/** The writers' process's window joined with the receiving processes' deliveries, percentiles taken over all. */
async function merged(local: TypeResult, main: BenchContext['load'], others: BenchContext['load'][]): Promise<TypeResult> {
  const results = await Promise.all([
    main.call<CollectResult>('collect', { sendTimes: null, drainSeconds: 0 }),
    ...others.map((load) => load.call<CollectResult>('collect', { sendTimes: local.sendTimes, drainSeconds: DRAIN_SECONDS })),
  ])
  return {
    ...local,
    latencyMs: summarize(results.flatMap(({ samples }) => samples)),
    expected: results.reduce((sum, result) => sum + result.expected, 0),
    delivered: results.reduce((sum, result) => sum + result.delivered, 0),
    load: worstLoad([local.load, ...results.slice(1).map(({ load }) => load)]),
  }
}
