import { REALISTIC_DOCUMENT } from '../benchDocuments.js'
import type { OpenResult, TypeResult } from '../load/loadProtocol.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import type { BenchContext } from './BenchContext.js'
import { directoryBytes } from './directoryBytes.js'
import { loadFlag } from './loadFlag.js'
import { DRAIN_SECONDS } from './typingRun.js'
import { withServer } from './withServer.js'

/** Scenario 5 (Kelisim only; the peers do not save): keystroke to `saved`, and bytes written to disk per keystroke. */
export async function saving(context: BenchContext): Promise<ScenarioReport> {
  const { writers, rate, duration, connections } = context.options
  const crowd = connections[0] ?? writers
  context.progress(`saving: ${writers} writers asking for saved acks among ${crowd} connections on Kelisim`)
  const result = await withServer(context, 'kelisim', async (server) => {
    await context.load.call<OpenResult>('open', { target: server.target(REALISTIC_DOCUMENT), tokens: server.tokens, connections: crowd, writers, measureSaves: true })
    const dataDir = server.info.dataDir ?? ''
    const before = await directoryBytes(dataDir)
    const typing = await context.load.call<TypeResult>('type', { seconds: duration, rate, drainSeconds: DRAIN_SECONDS, cursors: true })
    // The last group commit lands within the commit delay of the last keystroke, and every keystroke has its ack by now.
    const written = (await directoryBytes(dataDir)) - before
    return { typing, written }
  })
  const saved = result.typing.savedMs
  const flags = [loadFlag('the saving run', result.typing.load)].filter((flag): flag is string => flag !== null)
  if (!saved || saved.count < result.typing.edits) flags.push(`${result.typing.edits - (saved?.count ?? 0)} of ${result.typing.edits} keystrokes never got their saved message (failure).`)
  return {
    id: 'saving',
    title: `Saving: ${writers} writers at ${rate} keystrokes/s, ${crowd} connections (Kelisim only)`,
    method: `Each keystroke is followed by a flush control message on the writer's own socket; the server answers saved once everything it received before is fsynced. Bytes are the growth of the data folder (append-only logs) divided by keystrokes.`,
    metrics: [
      { name: 'keystroke to saved p50', unit: 'ms', better: 'lower', values: { kelisim: saved?.p50 ?? Number.NaN } },
      { name: 'keystroke to saved p99', unit: 'ms', better: 'lower', values: { kelisim: saved?.p99 ?? Number.NaN }, target: { text: '< 100 ms', met: (saved?.p99 ?? Infinity) < 100 } },
      { name: 'bytes written per keystroke', unit: 'bytes', better: 'lower', values: { kelisim: result.written / Math.max(1, result.typing.edits) } },
      { name: 'keystrokes', unit: 'count', better: 'higher', values: { kelisim: result.typing.edits } },
    ],
    flags,
  }
}
