import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { JoinStormResult } from '../load/loadProtocol.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { loadFlag } from './loadFlag.js'
import { withServer } from './withServer.js'

/** Scenario 2: many clients connect to the realistic declaration at the same moment. */
export async function joinStorm(context: BenchContext): Promise<ScenarioReport> {
  const count = context.options.stormClients
  const results = new Map<ServerKind, JoinStormResult & { cpuSeconds: number }>()
  const flags: string[] = []
  for (const kind of SERVER_KINDS) {
    context.progress(`join storm: ${count} clients on ${SERVER_LABELS[kind]}`)
    const result = await withServer(context, kind, async (server) => {
      await server.resetStats()
      const storm = await context.load.call<JoinStormResult>('joinStorm', { target: server.target(REALISTIC_DOCUMENT), tokens: server.tokens, count })
      return { ...storm, cpuSeconds: (await server.stats()).cpuSeconds }
    })
    results.set(kind, result)
    const saturated = loadFlag(`the ${SERVER_LABELS[kind]} storm`, result.load)
    if (saturated) flags.push(saturated)
    if (result.synced < count) flags.push(`${SERVER_LABELS[kind]}: only ${result.synced} of ${count} clients synced (failure).`)
  }
  const values = (read: (result: JoinStormResult & { cpuSeconds: number }) => number) => Object.fromEntries([...results].map(([kind, result]) => [kind, read(result)]))
  const allSynced = values((result) => result.allSyncedMs)
  return {
    id: 'join',
    title: `Join storm: ${count} clients at once`,
    method: `${count} light clients open their sockets in the same tick, each sends sync step 1 with an empty state vector; a client is synced when the full sync step 2 arrives. Time runs from the first socket to the last answer.`,
    metrics: [
      { name: 'all synced after', unit: 'ms', better: 'lower', values: allSynced, target: allSynced.kelisim === undefined ? undefined : { text: count >= 300 ? '< 500 ms' : '< 500 ms (at 300)', met: allSynced.kelisim < 500 } },
      { name: 'p50 per client', unit: 'ms', better: 'lower', values: values((result) => result.eachMs.p50) },
      { name: 'clients synced', unit: 'count', better: 'higher', values: values((result) => result.synced) },
      { name: 'server CPU', unit: 's', better: 'lower', values: values((result) => result.cpuSeconds) },
    ],
    flags,
  }
}
