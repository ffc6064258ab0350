import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { loadFlag } from './loadFlag.js'
import { typingRun } from './typingRun.js'
import { withServer } from './withServer.js'

/** The latency a room must keep to count as served. */
const P99_LIMIT_MS = 50

/** Scenario 7: more connections step by step until p99 passes 50 ms (or a delivery is lost), for each server. */
export async function capacity(context: BenchContext): Promise<ScenarioReport> {
  const { capacitySteps, capacitySeconds, writers, rate } = context.options
  const capacities = new Map<ServerKind, number>()
  const flags: string[] = []
  for (const kind of SERVER_KINDS) {
    const served = await withServer(context, kind, async (server) => {
      let best = 0
      for (const connections of capacitySteps) {
        context.progress(`capacity: ${connections} connections on ${SERVER_LABELS[kind]}`)
        const run = await typingRun(context, server, REALISTIC_DOCUMENT, connections, capacitySeconds, { cursors: true, processes: 1 })
        await context.load.call('closeAll')
        const saturated = loadFlag(`the ${SERVER_LABELS[kind]} step at ${connections}`, run.typing.load)
        if (saturated) flags.push(saturated)
        if (run.typing.latencyMs.p99 > P99_LIMIT_MS || run.missing > 0) {
          flags.push(`${SERVER_LABELS[kind]} passed the limit at ${connections} connections: p99 ${run.typing.latencyMs.p99.toFixed(1)} ms, ${run.missing} deliveries missing.`)
          return best
        }
        best = connections
      }
      flags.push(`${SERVER_LABELS[kind]} stayed under the limit at every step; its capacity is at least ${best}.`)
      return best
    })
    capacities.set(kind, served)
  }
  const values = Object.fromEntries(capacities)
  const betterPeer = Math.max(values.reference ?? 0, values.hocuspocus ?? 0)
  return {
    id: 'capacity',
    title: `Capacity: connections served with edit p99 ≤ ${P99_LIMIT_MS} ms`,
    method: `${writers} writers at ${rate} keystrokes/s with cursor updates; the rest light receivers; steps of ${capacitySteps.join(', ')} connections, ${capacitySeconds} s each, on one server process; capacity is the last step with p99 ≤ ${P99_LIMIT_MS} ms and no lost delivery.`,
    metrics: [
      {
        name: 'connections served',
        unit: 'connections',
        better: 'higher',
        values,
        target: values.kelisim === undefined ? undefined : { text: '≥ 2× better peer', met: values.kelisim > 0 && values.kelisim >= 2 * betterPeer },
      },
    ],
    flags,
  }
}
