import type { Metric, Unit } from './BenchResults.js'
import type { ServerKind } from '../servers/ServerKind.js'

/** A measurement as the report prints it; `atLeast` marks a lower bound. */
export function formatValue(value: number | undefined, unit: Unit, atLeast = false): string {
  if (value === undefined) return '–'
  if (!Number.isFinite(value)) return 'n/a'
  const digits = Math.abs(value) >= 100 || unit === 'count' || unit === 'connections' || unit === 'bytes' ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const suffix = unit === 'count' || unit === 'connections' ? '' : unit === '%' ? '%' : ` ${unit}`
  return `${atLeast ? '≥ ' : ''}${value.toFixed(digits)}${suffix}`
}

/** A server's cell in a metric's row. */
export function formatCell(metric: Metric, kind: ServerKind): string {
  return formatValue(metric.values[kind], metric.unit, metric.lowerBound?.includes(kind))
}

/**
 * Kelisim's value over a peer's, or '–' where either is missing, or 'flagged' where the load held either run back;
 * with a lower bound on one side the ratio is a bound too (≥ for Kelisim's, ≤ for the peer's), on both it is unknown.
 */
export function formatRatio(metric: Metric, peer: ServerKind): string {
  if (metric.flagged?.includes('kelisim') || metric.flagged?.includes(peer)) return 'flagged'
  const ours = metric.values.kelisim
  const theirs = metric.values[peer]
  if (ours === undefined || theirs === undefined || !Number.isFinite(ours) || !Number.isFinite(theirs)) return '–'
  const oursBound = metric.lowerBound?.includes('kelisim') ?? false
  const theirsBound = metric.lowerBound?.includes(peer) ?? false
  if (oursBound && theirsBound) return 'unknown'
  const prefix = oursBound ? '≥ ' : theirsBound ? '≤ ' : ''
  if (theirs === 0) return ours === 0 ? `${prefix}1.00×` : '∞'
  return `${prefix}${(ours / theirs).toFixed(2)}×`
}

/** The target cell: what was asked, and whether this run met it or why it cannot say. */
export function formatTarget(metric: Metric): string {
  if (!metric.target) return ''
  return `${metric.target.text}: ${metric.target.undecided ?? (metric.target.met ? 'met' : 'not met')}`
}
