import { PROPAGATION_KINDS, type ServerKind } from '../servers/ServerKind.js'
import type { ScenarioReport } from './BenchResults.js'

/** The server columns of a scenario's table: the compared servers always, the floor only where it was run. */
export function reportColumns(scenario: ScenarioReport): ServerKind[] {
  return PROPAGATION_KINDS.filter((kind) => kind !== 'floor' || scenario.metrics.some((metric) => metric.values.floor !== undefined))
}
