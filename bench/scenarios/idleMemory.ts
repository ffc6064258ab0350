import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { withServer } from './withServer.js'

const KB = 1024

interface IdleRun {
  perConnection: number
  rssGrowthPerCycle: number
  heapGrowthPerCycle: number
}

/** Heap growth per reconnected connection per cycle still counted as none: what a few JIT and cache entries cost. */
const NO_GROWTH_BYTES = 64

/** Scenario 4: what an idle connection costs, and whether connecting and disconnecting again leaks. */
export async function idleMemory(context: BenchContext): Promise<ScenarioReport> {
  const { idleConnections: count, idleCycles, idleWarmUps } = context.options
  const runs = new Map<ServerKind, IdleRun>()
  const flags: string[] = []
  for (const kind of SERVER_KINDS) {
    context.progress(`idle memory: ${count} connections on ${SERVER_LABELS[kind]}`)
    const run = await withServer(context, kind, async (server) => {
      const open = async (n: number) => {
        const synced = await context.load.call<number>('openIdle', { target: server.target(REALISTIC_DOCUMENT), tokens: server.tokens, count: n })
        if (synced < n) flags.push(`${SERVER_LABELS[kind]}: ${n - synced} of ${n} idle connections never synced.`)
      }
      // One connection first, so the document is loaded before the baseline.
      await open(1)
      const loaded = await server.memoryAfterGc()
      await open(count)
      const full = await server.memoryAfterGc()
      // Cycles to warm up before growth is measured from there: compiled code and its feedback live in the JS heap
      // too, and after one cycle they were most of what grew (Kelisim: about 290 B per connection after one, 53 B after
      // five, with no object of its own left behind in a heap snapshot).
      for (let cycle = 0; cycle < idleWarmUps; cycle += 1) {
        await context.load.call('closeAll')
        await open(count + 1)
      }
      const warm = await server.memoryAfterGc()
      let last = warm
      for (let cycle = 0; cycle < idleCycles; cycle += 1) {
        await context.load.call('closeAll')
        await open(count + 1)
        last = await server.memoryAfterGc()
      }
      return {
        perConnection: (full.rss - loaded.rss) / count,
        rssGrowthPerCycle: (last.rss - warm.rss) / idleCycles,
        heapGrowthPerCycle: (last.heapUsed - warm.heapUsed) / idleCycles,
      }
    })
    runs.set(kind, run)
  }
  const values = (read: (run: IdleRun) => number) => Object.fromEntries([...runs].map(([kind, run]) => [kind, read(run)]))
  const perConnection = values((run) => run.perConnection / KB)
  const heapGrowth = values((run) => run.heapGrowthPerCycle / KB)
  return {
    id: 'idle',
    title: `Idle memory: ${count} idle connections`,
    method: `${count} light clients join the realistic declaration and stay idle; RSS after GC with them minus RSS after GC with one. Then all disconnect and reconnect ${idleWarmUps} time${idleWarmUps === 1 ? '' : 's'} to warm up (compiled code and its feedback are in the JS heap too) and ${idleCycles} times more; growth is the change per cycle after GC, of the JS heap (where a leak would show) and of RSS (which the allocator rarely gives back).`,
    metrics: [
      { name: 'RSS per idle connection', unit: 'KB', better: 'lower', values: perConnection, target: perConnection.kelisim === undefined ? undefined : { text: '≤ 10 KB', met: perConnection.kelisim <= 10 } },
      {
        name: 'JS heap growth per connect/disconnect cycle',
        unit: 'KB',
        better: 'lower',
        values: heapGrowth,
        target: heapGrowth.kelisim === undefined ? undefined : { text: `none (≤ ${NO_GROWTH_BYTES} B per connection)`, met: heapGrowth.kelisim * KB <= (NO_GROWTH_BYTES * count) },
      },
      { name: 'RSS growth per connect/disconnect cycle', unit: 'KB', better: 'lower', values: values((run) => run.rssGrowthPerCycle / KB) },
    ],
    flags,
  }
}
