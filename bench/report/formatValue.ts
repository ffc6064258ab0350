import type { Metric, Unit } from './BenchResults.js'
import type { ServerKind } from '../servers/ServerKind.js'

/** A measurement as the report prints it. */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined) return '–'
  if (!Number.isFinite(value)) return 'n/a'
  const digits = Math.abs(value) >= 100 || unit === 'count' || unit === 'connections' || unit === 'bytes' ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const suffix = unit === 'count' || unit === 'connections' ? '' : unit === '%' ? '%' : ` ${unit}`
  return `${value.toFixed(digits)}${suffix}`
}

/** Kelisim's value over a peer's, or '–' where either is missing, or 'flagged' where the load held either run back. */
export function formatRatio(metric: Metric, peer: ServerKind): string {
  if (metric.flagged?.includes('kelisim') || metric.flagged?.includes(peer)) return 'flagged'
  const ours = metric.values.kelisim
  const theirs = metric.values[peer]
  if (ours === undefined || theirs === undefined || !Number.isFinite(ours) || !Number.isFinite(theirs)) return '–'
  if (theirs === 0) return ours === 0 ? '1.00×' : '∞'
  return `${(ours / theirs).toFixed(2)}×`
}

/** The target cell: what was asked, and whether this run met it. */
export function formatTarget(metric: Metric): string {
  return metric.target ? `${metric.target.text}: ${metric.target.met ? 'met' : 'not met'}` : ''
}
