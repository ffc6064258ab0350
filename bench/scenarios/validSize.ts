import type { Metric } from '../report/BenchResults.js'
import { UNJUDGED } from './latencyTarget.js'

/** Whether a case's latency target could be judged: both sides had a run the load generator did not hold back. */
export function judged(p99: Metric): boolean {
  return p99.target?.undecided !== UNJUDGED
}

/**
 * The sizes to step down through when a size could not be judged, largest first: the capacity steps between it and
 * the size measured before it. The first of them that can be judged is the largest this machine measures validly.
 */
export function smallerSizes(size: number, sizeBefore: number | undefined, steps: number[]): number[] {
  return steps.filter((step) => step < size && step > (sizeBefore ?? 0)).sort((a, b) => b - a)
}
