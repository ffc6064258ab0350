import type { Metric } from '../report/BenchResults.js'

/** One capacity step as measured. */
export interface CapacityStep {
  connections: number
  p99Ms: number
  /** Deliveries that never arrived. */
  missing: number
  /** Whether the load generator saturated or was held up in it. */
  flagged: boolean
}

/** What a step says: served, past the limit, or nothing at all because the load generator held it back. */
export type StepVerdict = 'served' | 'over the limit' | 'flagged'

/** A server's capacity: the last step it served, and whether that is only a lower bound. */
export interface Capacity {
  connections: number
  /** True when the steps ended without the server passing the limit: a flagged step, or no steps left. */
  lowerBound: boolean
}

/** A flagged step counts for nothing either way: its latencies include the load generator's own queueing. */
export function stepVerdict(step: CapacityStep, limitMs: number): StepVerdict {
  if (step.flagged) return 'flagged'
  return step.p99Ms > limitMs || step.missing > 0 ? 'over the limit' : 'served'
}

/** The capacity the steps, measured in order, show: up to the first one not served. */
export function capacityOf(steps: CapacityStep[], limitMs: number): Capacity {
  let served = 0
  for (const step of steps) {
    const verdict = stepVerdict(step, limitMs)
    if (verdict !== 'served') return { connections: served, lowerBound: verdict === 'flagged' }
    served = step.connections
  }
  return { connections: served, lowerBound: true }
}

/**
 * Kelisim's capacity against twice the better peer's. Met needs every peer's figure exact (a lower bound may hide a
 * higher one); not met needs Kelisim's exact; anything else cannot be judged from this run.
 */
export function capacityTarget(kelisim: Capacity, peers: Capacity[]): NonNullable<Metric['target']> {
  const text = '≥ 2× better peer'
  const betterPeer = Math.max(0, ...peers.map((peer) => peer.connections))
  if (kelisim.connections > 0 && kelisim.connections >= 2 * betterPeer) {
    return peers.some((peer) => peer.lowerBound) ? { text, met: false, undecided: 'cannot be judged: a peer’s capacity is only a lower bound' } : { text, met: true }
  }
  return kelisim.lowerBound ? { text, met: false, undecided: 'cannot be judged: Kelisim’s capacity is only a lower bound' } : { text, met: false }
}
