import type { Scenario } from '../benchOptions.js'
import type { ServerKind } from '../servers/ServerKind.js'
import type { Distribution } from './summarize.js'

/** Units a metric is shown in. */
export type Unit = 'ms' | 'µs' | 's' | 'MB' | 'KB' | 'bytes' | 'count' | 'connections' | '%'

/** One measured quantity, for every server it applies to. */
export interface Metric {
  name: string
  unit: Unit
  better: 'lower' | 'higher'
  values: Partial<Record<ServerKind, number>>
  /** The product target for Kelisim, and whether this run met it, or why this run cannot decide it. */
  target?: { text: string; met: boolean; undecided?: string }
  /** Servers whose runs the load generator held back: their values are shown, but no ratio is made from them. */
  flagged?: ServerKind[]
  /** Servers whose value is only a lower bound: the true one may be higher. */
  lowerBound?: ServerKind[]
}

/** One scenario's outcome. */
export interface ScenarioReport {
  id: Scenario
  title: string
  /** How it was measured, in a sentence or two. */
  method: string
  metrics: Metric[]
  /** Anything that makes a number less trustworthy: a saturated load generator, missing deliveries. */
  flags: string[]
  /** What explains the numbers, such as each server's longest event-loop stalls. */
  notes?: string[]
}

/** Propagation latency of one load size, for the chart. */
export interface LatencySeries {
  label: string
  values: Partial<Record<ServerKind, Distribution>>
}

/** Where the numbers came from. */
export interface MachineInfo {
  cores: number
  cpuModel: string
  node: string
  platform: string
  memoryGb: number
  /** Whether servers and load were pinned to separate cores. */
  pinned: boolean
  /** One-minute load average when the run started: above zero means other work shared the cores. */
  loadAverageAtStart: number
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  startedAt: string
  durationSeconds: number
  machine: MachineInfo
  flags: string
  latencyMethod: string
  scenarios: ScenarioReport[]
  latency: LatencySeries[]
}
