import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { PEER_KINDS, SERVER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { capacityOf, capacityTarget, stepVerdict, type Capacity, type CapacityStep } from './capacityRule.js'
import { loadFlag } from './loadFlag.js'
import { loadProcessesFor } from './loadProcesses.js'
import { typingRun } from './typingRun.js'
import { withServer } from './withServer.js'

/** The latency a room must keep to count as served. */
const P99_LIMIT_MS = 50

/**
 * Scenario 7: more connections step by step until p99 passes 50 ms (or a delivery is lost), for each server. A step
 * where the load generator was flagged ends the steps without counting: the capacity is then only a lower bound.
 */
export async function capacity(context: BenchContext): Promise<ScenarioReport> {
  const { capacitySteps, capacitySeconds, writers, rate } = context.options
  const processesAt = (connections: number) => loadProcessesFor(context.options, connections - Math.min(writers, connections))
  const capacities = new Map<ServerKind, Capacity>()
  const flags: string[] = []
  for (const kind of SERVER_KINDS) {
    const label = SERVER_LABELS[kind]
    const steps = await withServer(context, kind, async (server) => {
      const measured: CapacityStep[] = []
      for (const connections of capacitySteps) {
        context.progress(`capacity: ${connections} connections on ${label}`)
        const run = await typingRun(context, server, REALISTIC_DOCUMENT, connections, capacitySeconds, { cursors: true, processes: processesAt(connections), apart: true })
        await Promise.all(context.loads.all().map((load) => load.call('closeAll')))
        const flag = loadFlag(`the ${label} step at ${connections}`, run.typing.load)
        const step = { connections, p99Ms: run.typing.latencyMs.p99, missing: run.missing, flagged: flag !== null }
        measured.push(step)
        const verdict = stepVerdict(step, P99_LIMIT_MS)
        const valid = capacityOf(measured, P99_LIMIT_MS).connections
        if (verdict === 'flagged') flags.push(`${flag} Not counted (p99 there ${step.p99Ms.toFixed(1)} ms): ${label}'s capacity stops as at least ${valid}, the largest step this machine measured validly for it.`)
        if (verdict === 'over the limit') flags.push(`${label} passed the limit at ${connections} connections: p99 ${step.p99Ms.toFixed(1)} ms, ${step.missing} deliveries missing.`)
        if (verdict !== 'served') return measured
      }
      flags.push(`${label} stayed under the limit at every step; its capacity is at least ${capacityOf(measured, P99_LIMIT_MS).connections}.`)
      return measured
    })
    capacities.set(kind, capacityOf(steps, P99_LIMIT_MS))
  }
  const kelisim = capacities.get('kelisim')
  const peers = PEER_KINDS.flatMap((kind) => capacities.get(kind) ?? [])
  return {
    id: 'capacity',
    title: `Capacity: connections served with edit p99 ≤ ${P99_LIMIT_MS} ms`,
    method: `${writers} writers at ${rate} keystrokes/s with cursor updates; the rest light receivers, spread over load processes as in propagation (${capacitySteps.map((connections) => `${processesAt(connections)} at ${connections}`).join(', ')}); steps of ${capacitySteps.join(', ')} connections, ${capacitySeconds} s each, on one server process; capacity is the last step with p99 ≤ ${P99_LIMIT_MS} ms and no lost delivery. A step where the load generator saturated or was held up is never counted: the steps stop there and the capacity shows as "≥" the last valid step, a lower bound; the target is judged on valid figures only, and says "cannot be judged" where the side it turns on is only a lower bound.`,
    metrics: [
      {
        name: 'connections served',
        unit: 'connections',
        better: 'higher',
        values: Object.fromEntries([...capacities].map(([kind, { connections }]) => [kind, connections])),
        lowerBound: [...capacities].filter(([, { lowerBound }]) => lowerBound).map(([kind]) => kind),
        ...(kelisim ? { target: capacityTarget(kelisim, peers) } : {}),
      },
    ],
    flags,
  }
}
