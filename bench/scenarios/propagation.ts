import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { LatencySeries, Metric, ScenarioReport } from '../report/BenchResults.js'
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { loadFlag } from './loadFlag.js'
import { typingRun, type TypingRun } from './typingRun.js'
import { withServer } from './withServer.js'

const MB = 1024 * 1024

function metric(name: string, unit: Metric['unit'], runs: Map<ServerKind, TypingRun>, read: (run: TypingRun) => number, better: Metric['better'] = 'lower'): Metric {
  return { name, unit, better, values: Object.fromEntries([...runs].map(([kind, run]) => [kind, read(run)])) }
}

/** Scenario 1: writers typing with cursor updates in a crowded room; each size on fresh servers, alternating. */
export async function propagation(context: BenchContext): Promise<{ reports: ScenarioReport[]; latency: LatencySeries[] }> {
  const { connections: sizes, writers, rate, duration } = context.options
  const reports: ScenarioReport[] = []
  const latency: LatencySeries[] = []
  for (const connections of sizes) {
    const runs = new Map<ServerKind, TypingRun>()
    const flags: string[] = []
    for (const kind of SERVER_KINDS) {
      context.progress(`propagation: ${connections} connections on ${SERVER_LABELS[kind]}`)
      const run = await withServer(context, kind, (server) => typingRun(context, server, REALISTIC_DOCUMENT, connections, duration))
      runs.set(kind, run)
      const saturated = loadFlag(`the ${SERVER_LABELS[kind]} run`, run.typing.load)
      if (saturated) flags.push(saturated)
      if (run.missing > 0) flags.push(`${SERVER_LABELS[kind]}: ${run.missing} of ${run.typing.expected} deliveries never arrived (failure).`)
    }
    const p99 = metric('p99 latency', 'ms', runs, (run) => run.typing.latencyMs.p99)
    const kelisimP99 = p99.values.kelisim
    const betterPeer = Math.min(p99.values.reference ?? Infinity, p99.values.hocuspocus ?? Infinity)
    if (kelisimP99 !== undefined) {
      p99.target =
        connections >= 1000
          ? { text: '< 20 ms', met: kelisimP99 < 20 }
          : { text: '≤ 0.5× better peer', met: Number.isFinite(betterPeer) && kelisimP99 <= 0.5 * betterPeer }
    }
    reports.push({
      id: 'propagation',
      title: `Propagation: ${connections} connections, ${writers} writers at ${rate} keystrokes/s`,
      method: `${writers} full clients type at ${rate} keystrokes/s each with a cursor update per keystroke for ${duration} s; ${connections - writers} light receivers time every edit.`,
      metrics: [
        metric('p50 latency', 'ms', runs, (run) => run.typing.latencyMs.p50),
        metric('p95 latency', 'ms', runs, (run) => run.typing.latencyMs.p95),
        p99,
        metric('max latency', 'ms', runs, (run) => run.typing.latencyMs.max),
        metric('deliveries expected', 'count', runs, (run) => run.typing.expected, 'higher'),
        metric('deliveries seen', 'count', runs, (run) => run.typing.delivered, 'higher'),
        metric('server CPU', 's', runs, (run) => run.server.cpuSeconds),
        metric('server peak RSS', 'MB', runs, (run) => run.server.peakRssBytes / MB),
        metric('server event-loop delay p99', 'ms', runs, (run) => run.server.loopDelayP99Ms),
        metric('load generator CPU', '%', runs, (run) => run.typing.load.cpuShare * 100),
        metric('load generator event-loop delay p99', 'ms', runs, (run) => run.typing.load.loopDelayP99Ms),
      ],
      flags,
    })
    latency.push({ label: `${connections} connections`, values: Object.fromEntries([...runs].map(([kind, run]) => [kind, run.typing.latencyMs])) })
  }
  return { reports, latency }
}
