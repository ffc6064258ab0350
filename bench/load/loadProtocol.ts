import type { ProcessStats } from '../child/ProcessMeter.js'
import type { Distribution } from '../report/summarize.js'
import type { Target } from './wireDialect.js'

/** Connections to open on one document: a few full writers, the rest light receivers. */
export interface OpenParams {
  target: Target
  /** Session tokens to present, shared round-robin (Kelisim checks them; the peers ignore them). */
  tokens: string[]
  connections: number
  writers: number
  measureSaves: boolean
}

/** What opening took. */
export interface OpenResult {
  openMs: number
  receivers: number
  synced: number
}

/** A typing window. */
export interface TypeParams {
  seconds: number
  /** Keystrokes per second per writer. */
  rate: number
  /** How long to wait after typing for deliveries still on their way. */
  drainSeconds: number
  /** Each writer moves its cursor with every keystroke, as the caret extension does. */
  cursors: boolean
}

/** Edit propagation as the light receivers saw it. */
export interface TypeResult {
  latencyMs: Distribution
  edits: number
  expected: number
  delivered: number
  /** Keystroke to `saved`, when saves were measured. */
  savedMs: Distribution | null
  /** The load generator's own use during the typing window. */
  load: ProcessStats
  /** When each edit was sent, for load processes that only receive. */
  sendTimes: [string, number][]
}

/** Asks a load process for its receivers' latencies; one that only receives is given the writers' send times. */
export interface CollectParams {
  sendTimes: [string, number][] | null
  drainSeconds: number
}

/** One load process's deliveries, raw, so that percentiles are taken over all processes together. */
export interface CollectResult {
  samples: number[]
  expected: number
  delivered: number
  load: ProcessStats
}

/** Many receivers connecting at once, or one after another. */
export interface JoinParams {
  target: Target
  /** Session tokens, shared round-robin. */
  tokens: string[]
  count: number
}

/** A join storm's outcome. */
export interface JoinStormResult {
  allSyncedMs: number
  synced: number
  eachMs: Distribution
  load: ProcessStats
}

/** Pushing the large declaration's history through one connection. */
export interface PushParams {
  target: Target
  token: string
  /** File holding the starting state. */
  basePath: string
  /** Send the starting state too: only Kelisim created the declaration from it. */
  sendBase: boolean
  paragraphs: number
}

/** What was pushed. */
export interface PushResult {
  updates: number
  bytes: number
  ms: number
}
