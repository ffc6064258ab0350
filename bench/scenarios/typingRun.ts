import type { ProcessStats } from '../child/ProcessMeter.js'
import type { OpenResult, TypeResult } from '../load/loadProtocol.js'
import type { BenchServer } from '../servers/BenchServer.js'
import type { BenchContext } from './BenchContext.js'

/** How long a typing window waits afterwards for deliveries and saves still on their way. */
export const DRAIN_SECONDS = 10

/** A short untimed window first, so a fresh server's first compilations and allocations are not measured. */
const WARM_UP_SECONDS = 1

/** One typing window and what it cost the server. */
export interface TypingRun {
  open: OpenResult
  typing: TypeResult
  server: ProcessStats
  /** The server's RSS after garbage collection with no connection open, in bytes. */
  idleRssBytes: number
  /** Deliveries that never arrived. */
  missing: number
}

/**
 * Opens `connections` to a document (the configured writers plus light receivers), warms up, and measures one typing
 * window; with `cursors` every writer moves its cursor with every keystroke.
 */
export async function typingRun(context: BenchContext, server: BenchServer, document: string, connections: number, seconds: number, cursors: boolean): Promise<TypingRun> {
  const { writers, rate } = context.options
  const { rss: idleRssBytes } = await server.memoryAfterGc()
  const open = await context.load.call<OpenResult>('open', {
    target: server.target(document),
    tokens: server.tokens,
    connections,
    writers: Math.min(writers, connections),
    measureSaves: false,
  })
  await context.load.call<TypeResult>('type', { seconds: WARM_UP_SECONDS, rate, drainSeconds: WARM_UP_SECONDS, cursors })
  await server.resetStats()
  const typing = await context.load.call<TypeResult>('type', { seconds, rate, drainSeconds: DRAIN_SECONDS, cursors })
  const stats = await server.stats()
  return { open, typing, server: stats, idleRssBytes, missing: typing.expected - typing.delivered }
}
