import { LARGE_DOCUMENT, MODERATOR_LOGIN } from '../benchDocuments.js'
import type { PushResult, TypeResult } from '../load/loadProtocol.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { summarize } from '../report/summarize.js'
import { startSession } from '../../tests/helpers/sessions.js'
import type { BenchServer } from '../servers/BenchServer.js'
import type { BenchContext } from './BenchContext.js'
import { loadFlag } from './loadFlag.js'
import { DRAIN_SECONDS, typingRun } from './typingRun.js'
import { withServer } from './withServer.js'

/** Freezes versions one after another as the moderator, over the real API; returns each freeze's duration. */
async function freezeRepeatedly(server: BenchServer, token: string, count: number): Promise<number[]> {
  const durations: number[] = []
  for (let index = 1; index <= count; index += 1) {
    const started = performance.now()
    const response = await fetch(`${server.url}/api/declarations/${LARGE_DOCUMENT}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: `Rev.${index}`, note: 'Frozen during measurement', acceptInvisibleCharacters: true }),
    })
    if (response.status !== 201) throw new Error(`freeze failed: ${response.status} ${await response.text()}`)
    durations.push(performance.now() - started)
  }
  return durations
}

/** Scenario 6 (Kelisim only; the peers have no versions): the server's event-loop delay while versions are frozen under load. */
export async function freezing(context: BenchContext): Promise<ScenarioReport> {
  const { paragraphs, duration, connections, freezes, writers, rate } = context.options
  const crowd = Math.min(connections[0] ?? 300, 300)
  context.progress(`freezing: ${freezes} versions of ${paragraphs} paragraphs under ${crowd} connections on Kelisim`)
  const run = await withServer(context, 'kelisim', async (server) => {
    await context.load.call<PushResult>('pushLarge', { target: server.target(LARGE_DOCUMENT), token: server.tokens[0], basePath: context.basePath, sendBase: false, paragraphs })
    const baseline = await typingRun(context, server, LARGE_DOCUMENT, crowd, Math.max(2, duration / 2), { cursors: true, processes: 1, apart: false })
    // Signed in before the window: the password hash runs on a thread of the server's one core, which is not a freeze's work.
    const token = await startSession(server.url, MODERATOR_LOGIN)
    await server.resetStats()
    const typing = context.load.call<TypeResult>('type', { seconds: duration, rate, drainSeconds: DRAIN_SECONDS, cursors: true })
    const durations = await freezeRepeatedly(server, token, freezes)
    const during = await server.stats()
    return { baseline, typing: await typing, during, durations }
  })
  const freezeMs = summarize(run.durations)
  const flags = [loadFlag('the baseline window', run.baseline.typing.load), loadFlag('the freezing window', run.typing.load)].filter((flag): flag is string => flag !== null)
  const missing = run.baseline.missing + run.typing.expected - run.typing.delivered
  if (missing > 0) flags.push(`${missing} deliveries never arrived (failure).`)
  return {
    id: 'freeze',
    title: `Event-loop delay while freezing: ${paragraphs} paragraphs, ${crowd} connections, ${writers} writers (Kelisim only)`,
    method: `The moderator, signed in before the window opens, freezes ${freezes} versions one after another over the API while ${writers} writers type at ${rate} keystrokes/s; the server's own monitorEventLoopDelay is read over the freezing window and, for comparison, over a window of typing alone.`,
    metrics: [
      { name: 'event-loop delay p99 while freezing', unit: 'ms', better: 'lower', values: { kelisim: run.during.loopDelayP99Ms }, target: { text: '< 10 ms', met: run.during.loopDelayP99Ms < 10 } },
      { name: 'event-loop delay max while freezing', unit: 'ms', better: 'lower', values: { kelisim: run.during.loopDelayMaxMs } },
      { name: 'event-loop delay p99, typing alone', unit: 'ms', better: 'lower', values: { kelisim: run.baseline.server.loopDelayP99Ms } },
      { name: 'freeze request p50', unit: 'ms', better: 'lower', values: { kelisim: freezeMs.p50 } },
      { name: 'edit p99 while freezing', unit: 'ms', better: 'lower', values: { kelisim: run.typing.latencyMs.p99 } },
      { name: 'edit p99, typing alone', unit: 'ms', better: 'lower', values: { kelisim: run.baseline.typing.latencyMs.p99 } },
    ],
    flags,
  }
}
