// Server CPU per delivery for Kelisim alone, the one fan-out figure a shared machine does not blur: `npm run bench:fanout`
// (flags as for `npm run bench`: --connections=300 --writers=20 --rate=5 --duration=6 --repeats=3 --profile). Each run
// types on a fresh built Kelisim server, pinned as in the bench; presence off, then a cursor move per keystroke. Every
// propagation table of `npm run bench` has the same figure, from the same function, for each server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { declarationState } from '../server/src/seed/seedDemo.js'
import { LARGE_TITLE, REALISTIC_DOCUMENT } from './benchDocuments.js'
import { benchOptions } from './benchOptions.js'
import { ChildHandle } from './child/ChildHandle.js'
import type { BenchContext } from './scenarios/BenchContext.js'
import { cpuPerDeliveryMicroseconds } from './scenarios/cpuPerDelivery.js'
import { LoadProcesses, loadProcessesFor } from './scenarios/loadProcesses.js'
import { typingRun } from './scenarios/typingRun.js'
import { withServer } from './scenarios/withServer.js'
import { SERVER_CORE } from './servers/BenchServer.js'
import { buildKelisimServer } from './servers/buildKelisimServer.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const options = benchOptions(process.argv.slice(2))
const connections = options.connections[0]!
await buildKelisimServer()
const work = await mkdtemp(join(tmpdir(), 'kelisim-fanout-'))
const basePath = join(work, 'large-base.bin')
await writeFile(basePath, declarationState(LARGE_TITLE, [{ kind: 'preambular', text: 'Recalling the commitments made at earlier conferences on inclusive education,' }]))
const loadCore = SERVER_CORE === 0 ? 1 : 0
const load = ChildHandle.start({ script: here('./load/loadMain.ts'), core: loadCore })
const loads = new LoadProcesses(load, here('./load/loadMain.ts'), loadCore)
const context: BenchContext = { options, load, loads, basePath, progress: () => undefined }
const processes = loadProcessesFor(options, connections - Math.min(options.writers, connections))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!

try {
  for (const cursors of [false, true]) {
    const perDelivery: number[] = []
    for (let repeat = 1; repeat <= options.repeats; repeat += 1) {
      const run = await withServer(context, 'kelisim', (server) => typingRun(context, server, REALISTIC_DOCUMENT, connections, options.duration, { cursors, processes, apart: true }))
      const microseconds = cpuPerDeliveryMicroseconds(run)
      perDelivery.push(microseconds)
      process.stdout.write(
        `${cursors ? 'cursors on' : 'presence off'}, run ${repeat}: ${run.typing.delivered} of ${run.typing.expected} deliveries, server CPU ${run.server.cpuSeconds.toFixed(2)} s, ${microseconds.toFixed(2)} µs per delivery (load process CPU ${(run.typing.load.cpuShare * 100).toFixed(0)}%)\n`,
      )
    }
    process.stdout.write(`${cursors ? 'cursors on' : 'presence off'}: median ${median(perDelivery).toFixed(2)} µs of server CPU per delivery, ${connections} connections, ${options.writers} writers at ${options.rate}/s\n`)
  }
} finally {
  await loads.stop()
  await rm(work, { recursive: true, force: true })
}
