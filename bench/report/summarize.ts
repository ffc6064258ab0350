/** Percentiles of a set of measurements, in their unit. */
export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentiles; an empty set gives zeros and a count of 0. */
export function summarize(samples: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(samples).sort()
  const at = (fraction: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!)
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length === 0 ? 0 : sorted[sorted.length - 1]! }
}
