import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { declarationState } from '../server/src/seed/seedDemo.js'
import { LARGE_TITLE } from './benchDocuments.js'
import { benchOptions, type Scenario } from './benchOptions.js'
import { ChildHandle } from './child/ChildHandle.js'
import type { BenchResults, LatencySeries, ScenarioReport } from './report/BenchResults.js'
import { latencyChart } from './report/latencyChart.js'
import { machineInfo } from './report/machineInfo.js'
import { markdownReport, stampOf } from './report/markdownReport.js'
import { terminalTable } from './report/terminalTable.js'
import type { BenchContext } from './scenarios/BenchContext.js'
import { capacity } from './scenarios/capacity.js'
import { freezing } from './scenarios/freezing.js'
import { idleMemory } from './scenarios/idleMemory.js'
import { joinStorm } from './scenarios/joinStorm.js'
import { largeDocument } from './scenarios/largeDocument.js'
import { LoadProcesses } from './scenarios/loadProcesses.js'
import { propagation } from './scenarios/propagation.js'
import { saving } from './scenarios/saving.js'
import { schemaCost } from './scenarios/schemaCost.js'
import { SERVER_CORE } from './servers/BenchServer.js'
import { buildKelisimServer } from './servers/buildKelisimServer.js'

const LATENCY_METHOD =
  'writers (full Y.Doc clients with the stock provider for each server) live in one load-generator process; light receivers (plain sockets speaking just enough WebSocket and sync protocol, no Y.Doc) are spread over further load processes (propagation says how many; only the freeze scenario keeps them with the writers). Every process reads CLOCK_MONOTONIC, which the machine shares: a writer stamps each keystroke just before its provider sends it, and a receiver stamps the arrival of the frame that carries it, recognised by the Yjs client ids and clock ranges in the update (a server may merge keystrokes); receivers in other processes are matched to the send times afterwards. Latency therefore includes a load process reading its sockets; runs where any load process saturated or was held up are flagged and left out of medians and ratios.'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const options = benchOptions(process.argv.slice(2))
await buildKelisimServer()
const started = new Date()
const machine = machineInfo()
const work = await mkdtemp(join(tmpdir(), 'kelisim-bench-run-'))
const basePath = join(work, 'large-base.bin')
await writeFile(basePath, declarationState(LARGE_TITLE, [{ kind: 'preambular', text: 'Recalling the commitments made at earlier conferences on inclusive education,' }]))
const loadCore = SERVER_CORE === 0 ? 1 : 0
const load = ChildHandle.start({ script: here('./load/loadMain.ts'), core: loadCore })
const loads = new LoadProcesses(load, here('./load/loadMain.ts'), loadCore)
const context: BenchContext = {
  options,
  load,
  loads,
  basePath,
  progress: (line) => process.stdout.write(`[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}\n`),
}

const scenarios: ScenarioReport[] = []
let latency: LatencySeries[] = []
const runners: Record<Scenario, () => Promise<void>> = {
  propagation: async () => {
    const result = await propagation(context)
    scenarios.push(...result.reports)
    latency = result.latency
  },
  join: async () => void scenarios.push(await joinStorm(context)),
  large: async () => void scenarios.push(await largeDocument(context)),
  idle: async () => void scenarios.push(await idleMemory(context)),
  saving: async () => void scenarios.push(await saving(context)),
  freeze: async () => void scenarios.push(await freezing(context)),
  capacity: async () => void scenarios.push(await capacity(context)),
  schema: () => Promise.resolve(void scenarios.push(schemaCost(context))),
}
try {
  for (const scenario of options.only) {
    try {
      await runners[scenario]()
    } catch (error) {
      // One broken scenario should not cost the numbers of the others; it is reported instead.
      await Promise.all(loads.all().map((each) => each.call('closeAll').catch(() => undefined)))
      scenarios.push({ id: scenario, title: `${scenario}: did not complete`, method: '', metrics: [], flags: [String(error instanceof Error ? error.message : error)] })
    }
  }
} finally {
  await loads.stop()
  await rm(work, { recursive: true, force: true })
}

const results: BenchResults = {
  startedAt: started.toISOString(),
  durationSeconds: (Date.now() - started.getTime()) / 1000,
  machine,
  flags: process.argv.slice(2).join(' '),
  latencyMethod: LATENCY_METHOD,
  scenarios,
  latency,
}
await mkdir(here('./results'), { recursive: true })
await writeFile(here('./results/latest.json'), `${JSON.stringify(results, null, 2)}\n`)
await writeFile(here('./REPORT.md'), markdownReport(results))
await writeFile(here('./latency.svg'), latencyChart(latency, stampOf(results)))
process.stdout.write(`${terminalTable(results)}\n\nWrote bench/results/latest.json, bench/REPORT.md and bench/latency.svg in ${results.durationSeconds.toFixed(0)} s.\n`)
