import { LARGE_DOCUMENT } from '../benchDocuments.js'
import type { PushResult } from '../load/loadProtocol.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { summarize } from '../report/summarize.js'
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'
import { withServer } from './withServer.js'

const MB = 1024 * 1024

interface LargeRun {
  push: PushResult
  joinP50: number
  joinMax: number
  memoryBytes: number
}

/** Scenario 3: a declaration of thousands of paragraphs with a long history; how fast a newcomer is synced, and its memory. */
export async function largeDocument(context: BenchContext): Promise<ScenarioReport> {
  const { paragraphs, joins } = context.options
  const runs = new Map<ServerKind, LargeRun>()
  const flags: string[] = []
  for (const kind of SERVER_KINDS) {
    context.progress(`large document: ${paragraphs} paragraphs on ${SERVER_LABELS[kind]}`)
    const run = await withServer(context, kind, async (server) => {
      const before = (await server.memoryAfterGc()).rss
      const target = server.target(LARGE_DOCUMENT)
      const push = await context.load.call<PushResult>('pushLarge', {
        target,
        token: server.tokens[0],
        basePath: context.basePath,
        sendBase: kind !== 'kelisim',
        paragraphs,
      })
      const memoryBytes = (await server.memoryAfterGc()).rss - before
      const times = await context.load.call<number[]>('joinOneByOne', { target, tokens: server.tokens, count: joins })
      const joined = summarize(times.filter((time) => Number.isFinite(time)))
      if (joined.count < joins) flags.push(`${SERVER_LABELS[kind]}: ${joins - joined.count} of ${joins} joiners never synced (failure).`)
      return { push, joinP50: joined.p50, joinMax: joined.max, memoryBytes }
    })
    runs.set(kind, run)
  }
  const values = (read: (run: LargeRun) => number) => Object.fromEntries([...runs].map(([kind, run]) => [kind, read(run)]))
  const joinP50 = values((run) => run.joinP50)
  const history = runs.values().next().value?.push
  return {
    id: 'large',
    title: `Large document: ${paragraphs} paragraphs with a long edit history`,
    method: `The history (${history?.updates ?? 0} updates, ${((history?.bytes ?? 0) / MB).toFixed(2)} MB: each paragraph typed word by word by one delegation, then amended by another) is pushed through one connection that stays open. Then ${joins} new light clients join one after another; each is timed from opening its socket to the full sync step 2. Memory is RSS after GC with the document loaded minus RSS after GC before it was.`,
    metrics: [
      { name: 'new client synced p50', unit: 'ms', better: 'lower', values: joinP50, target: joinP50.kelisim === undefined ? undefined : { text: '< 50 ms', met: joinP50.kelisim < 50 } },
      { name: 'new client synced max', unit: 'ms', better: 'lower', values: values((run) => run.joinMax) },
      { name: 'memory per loaded document', unit: 'MB', better: 'lower', values: values((run) => run.memoryBytes / MB) },
      { name: 'history push time', unit: 'ms', better: 'lower', values: values((run) => run.push.ms) },
    ],
    flags,
  }
}
