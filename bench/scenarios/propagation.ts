import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { LatencySeries, Metric, ScenarioReport } from '../report/BenchResults.js'
import { PEER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { cpuPerDeliveryMicroseconds } from './cpuPerDelivery.js'
import { countedFloor, FLOOR_NOTE, latencyTarget } from './latencyTarget.js'
import { loadFlag } from './loadFlag.js'
import { loadProcessesFor } from './loadProcesses.js'
import { typingRun, type TypingRun } from './typingRun.js'
import { judged, smallerSizes } from './validSize.js'
import { withServer } from './withServer.js'

const MB = 1024 * 1024

/** Presence off, and a cursor moved with every keystroke as the caret extension does. */
const MODES = [
  { cursors: false, label: 'presence off' },
  { cursors: true, label: 'cursor on every keystroke' },
] as const
type Mode = (typeof MODES)[number]

/** Above this share of its core a server is CPU-bound: its deliveries queue behind its own work. */
const CPU_BOUND = 0.85

/** The runs of one server in one case, and the one the report shows. */
interface Chosen {
  run: TypingRun
  /** True when every run of it was held back by the load generator. */
  flagged: boolean
}

/** The run with the median p99 among those the load generator did not hold back, or among all if none qualifies. */
function median(runs: { run: TypingRun; flag: string | null }[]): Chosen {
  const clean = runs.filter(({ flag }) => flag === null)
  const pool = (clean.length > 0 ? clean : runs).map(({ run }) => run).sort((a, b) => a.typing.latencyMs.p99 - b.typing.latencyMs.p99)
  return { run: pool[Math.floor((pool.length - 1) / 2)]!, flagged: clean.length === 0 }
}

function metric(name: string, unit: Metric['unit'], chosen: Map<ServerKind, Chosen>, read: (run: TypingRun) => number, better: Metric['better'] = 'lower'): Metric {
  const flagged = [...chosen].filter(([, { flagged }]) => flagged).map(([kind]) => kind)
  return { name, unit, better, values: Object.fromEntries([...chosen].map(([kind, { run }]) => [kind, read(run)])), flagged }
}

/** Why a server is slow where it is: its CPU, its event loop's delay and longest stalls, and what it dropped. */
function explain(kind: ServerKind, run: TypingRun): string {
  const { server, typing } = run
  const stalls = server.stalls.map(
    (stall) => `${stall.ms.toFixed(0)} ms at ${stall.atSeconds.toFixed(1)} s (${stall.gcMs.toFixed(0)} ms GC, ${stall.cpuMs.toFixed(0)} ms CPU${stall.cpuMs < stall.ms / 2 ? ': off the CPU' : ''})`,
  )
  const cpu = `${server.cpuSeconds.toFixed(1)} s CPU (${(server.cpuShare * 100).toFixed(0)}% of its core${server.cpuShare >= CPU_BOUND ? ', CPU-bound' : ''})`
  const loop = `event-loop delay p99 ${server.loopDelayP99Ms.toFixed(0)} ms, max ${server.loopDelayMaxMs.toFixed(0)} ms, ${server.gcMs.toFixed(0)} ms GC`
  const backlog = run.missing > 0 ? `, ${run.missing} of ${typing.expected} deliveries lost to its backlog` : ''
  return `${SERVER_LABELS[kind]}: ${cpu}; ${loop}${backlog}; longest stalls: ${stalls.length > 0 ? stalls.join(', ') : 'none over 50 ms'}.`
}

/** How far above the floor each compared server's p99 is, where the floor bounds anything. */
function floorNote(p99: Metric): string[] {
  const floor = countedFloor(p99)
  const ran = p99.values.floor
  if (floor === null) return ran === undefined ? [] : [`The floor's p99 (${ran.toFixed(1)} ms) is not counted here: its run was flagged, or it is more than twice the lowest server's, held up by its own work.`]
  const above = (['kelisim', ...PEER_KINDS] as const).flatMap((kind) => (p99.values[kind] === undefined ? [] : [`${SERVER_LABELS[kind]} ${(p99.values[kind] / floor).toFixed(2)}×`]))
  return [`p99 over the floor's ${floor.toFixed(1)} ms: ${above.join(', ')}.`]
}

/** One case measured: its table, its line of the chart, and its p99 metric with the target judged. */
interface CaseResult {
  report: ScenarioReport
  latency: LatencySeries
  p99: Metric
}

/**
 * One size and presence mode: `repeats` runs per server, alternating servers, each on a fresh server; the median p99
 * run is reported. `steppedFrom` is the larger size that could not be judged, when this one stands in for it.
 */
async function measureCase(context: BenchContext, connections: number, mode: Mode, steppedFrom: number | null): Promise<CaseResult> {
  const { writers, rate, duration, repeats, servers } = context.options
  const processes = loadProcessesFor(context.options, connections - Math.min(writers, connections))
  const runs = new Map<ServerKind, { run: TypingRun; flag: string | null }[]>(servers.map((kind) => [kind, []]))
  const flags: string[] = []
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    for (const kind of servers) {
      const name = `${SERVER_LABELS[kind]}, ${connections} connections, ${mode.label}, run ${repeat} of ${repeats}`
      context.progress(`propagation: ${name}`)
      const run = await withServer(context, kind, (server) => typingRun(context, server, REALISTIC_DOCUMENT, connections, duration, { cursors: mode.cursors, processes, apart: true }))
      const flag = loadFlag(`the run of ${name}`, run.typing.load)
      if (flag) flags.push(`${flag} Left out of the median and of every ratio.`)
      if (run.missing > 0) flags.push(`${name}: ${run.missing} of ${run.typing.expected} deliveries never arrived (failure).`)
      runs.get(kind)!.push({ run, flag })
    }
  }
  const chosen = new Map([...runs].map(([kind, list]) => [kind, median(list)]))
  const p99 = metric('p99 latency (median run)', 'ms', chosen, (run) => run.typing.latencyMs.p99)
  p99.target = latencyTarget(p99)
  const stepped = steppedFrom === null ? '' : ` (stepped down: at ${steppedFrom} connections the load generator held back every run of one side)`
  const report: ScenarioReport = {
    id: 'propagation',
    title: `Propagation: ${connections} connections, ${writers} writers at ${rate} keystrokes/s, ${mode.label}${stepped}`,
    method: `${writers} full clients type at ${rate} keystrokes/s each${mode.cursors ? ' with a cursor update per keystroke' : ', presence off'} for ${duration} s; ${connections - writers} light receivers, spread over ${processes} load process${processes === 1 ? '' : 'es'} apart from the writers' one (all on the core the server does not use), time every edit; the writers' process times none, as its full clients' own pauses are not the server's. ${repeats} runs per server, alternating servers; the run with the median p99 is shown. Server CPU per delivery is the server process's CPU in the typing window (process.cpuUsage) over the deliveries its receivers saw: the fan-out cost, which the machine's other work blurs far less than latency.${servers.includes('floor') ? ` ${FLOOR_NOTE}` : ''}${steppedFrom === null ? '' : ` A size whose target cannot be judged is measured again at the capacity steps below it, largest first, down to the size measured before it; the first that can be judged is the largest this machine measures validly.`}`,
    metrics: [
      metric('p50 latency', 'ms', chosen, (run) => run.typing.latencyMs.p50),
      metric('p95 latency', 'ms', chosen, (run) => run.typing.latencyMs.p95),
      p99,
      metric('max latency', 'ms', chosen, (run) => run.typing.latencyMs.max),
      metric('deliveries expected', 'count', chosen, (run) => run.typing.expected, 'higher'),
      metric('deliveries seen', 'count', chosen, (run) => run.typing.delivered, 'higher'),
      metric('server CPU', 's', chosen, (run) => run.server.cpuSeconds),
      metric('server CPU per delivery', 'µs', chosen, cpuPerDeliveryMicroseconds),
      metric('server idle RSS (after GC)', 'MB', chosen, (run) => run.idleRssBytes / MB),
      metric('server peak RSS under load', 'MB', chosen, (run) => run.server.peakRssBytes / MB),
      metric('server event-loop delay p99', 'ms', chosen, (run) => run.server.loopDelayP99Ms),
      metric('server longest stall', 'ms', chosen, (run) => run.server.stalls[0]?.ms ?? 0),
      metric('server GC time', 'ms', chosen, (run) => run.server.gcMs),
      metric('load generator CPU', '%', chosen, (run) => run.typing.load.cpuShare * 100),
      metric('load generator event-loop delay p99', 'ms', chosen, (run) => run.typing.load.loopDelayP99Ms),
    ],
    notes: [
      ...[...chosen].map(([kind, { run }]) => explain(kind, run)),
      ...floorNote(p99),
      `Every run's p99 (ms): ${[...runs].map(([kind, list]) => `${SERVER_LABELS[kind]} ${list.map(({ run, flag }) => `${run.typing.latencyMs.p99.toFixed(0)}${flag ? ' (flagged)' : ''}`).join(', ')}`).join('; ')}.`,
    ],
    flags,
  }
  const latency = {
    label: `${connections} connections, ${mode.label}`,
    values: Object.fromEntries([...chosen].map(([kind, { run }]) => [kind, run.typing.latencyMs])),
  }
  return { report, latency, p99 }
}

/**
 * Scenario 1: writers typing in a crowded room, with presence off and with a cursor move per keystroke. Where the load
 * generator holds back every run of one side at a size (on 2 cores, 1,000 connections can saturate it), the case is
 * measured again at smaller sizes until one can be judged, so the report names the largest size measured validly.
 */
export async function propagation(context: BenchContext): Promise<{ reports: ScenarioReport[]; latency: LatencySeries[] }> {
  const { connections: sizes, capacitySteps } = context.options
  const results: CaseResult[] = []
  for (const [index, connections] of sizes.entries()) {
    for (const mode of MODES) {
      const result = await measureCase(context, connections, mode, null)
      results.push(result)
      if (judged(result.p99)) continue
      for (const smaller of smallerSizes(connections, sizes[index - 1], capacitySteps)) {
        const stepped = await measureCase(context, smaller, mode, connections)
        results.push(stepped)
        if (judged(stepped.p99)) break
      }
    }
  }
  return { reports: results.map(({ report }) => report), latency: results.map(({ latency }) => latency) }
}
