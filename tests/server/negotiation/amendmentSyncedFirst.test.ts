import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { api } from '../../helpers/api.js'
import { spanAt } from '../../helpers/amendments.js'
import { startChildServer } from '../../helpers/childServer.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { parseTrace, whyStraceCannotTrace, type TracedEvent } from '../../helpers/syscallTrace.js'

const DOC = 'almaty-declaration'
const WRITES = new Set(['write', 'writev', 'pwrite64', 'pwritev', 'pwritev2', 'sendmsg', 'sendto'])
const SYNCS = new Set(['fdatasync', 'fsync'])
const MARKS = ['MARK-PROPOSED-1', 'MARK-PROPOSED-2', 'MARK-PROPOSED-3']

const cannotTrace = whyStraceCannotTrace()
const folders: string[] = []
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

/** For each socket write carrying one of `marks` (an answer or a push), whether the amendments file and its folder were synced since its last write. */
function marksOnSockets(events: TracedEvent[], marks: readonly string[]): { mark: string; durable: boolean }[] {
  const file = `/amendments/${DOC}.json.tmp`
  // Nothing counts as on disk until the trace shows it synced.
  let fileSynced = false
  let folderSynced = false
  const found: { mark: string; durable: boolean }[] = []
  for (const { call, target, phase, text } of events) {
    if (target.endsWith(file) && WRITES.has(call) && phase === 'enter') [fileSynced, folderSynced] = [false, false]
    else if (target.endsWith(file) && SYNCS.has(call) && phase === 'exit' && /\) = 0/.test(text)) fileSynced = true
    // The folder is synced after the rename, so the new file is the one found after a crash.
    else if (target.endsWith('/amendments') && SYNCS.has(call) && phase === 'exit' && /\) = 0/.test(text)) folderSynced = fileSynced
    else if (target.startsWith('socket:') && WRITES.has(call) && phase === 'enter') {
      for (const mark of marks) if (text.includes(mark)) found.push({ mark, durable: fileSynced && folderSynced })
    }
  }
  return found
}

describe('an amendment is on disk before anyone hears of it', () => {
  it.skipIf(cannotTrace !== null)(`its 201 answer and its push to a page come after the amendments file and folder are synced${cannotTrace ? ` (skipped: ${cannotTrace})` : ''}`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kelisim-test-'))
    const traceDir = await mkdtemp(join(tmpdir(), 'kelisim-trace-'))
    folders.push(dataDir, traceDir)
    const traceFile = join(traceDir, 'server.trace')
    const traced = [...WRITES, ...SYNCS].join(',')
    const child = await startChildServer(dataDir, {}, ['strace', '-f', '-qq', '-y', '-s', '65536', '--seccomp-bpf', '-e', `trace=${traced}`, '-o', traceFile])
    const token = await startSession(child.url, 'editor-kaz')
    const page = connectClient(child.wsUrl, DOC, await startSession(child.url, 'observer-idn'))
    try {
      await whenSynced(page)
      for (const [index, mark] of MARKS.entries()) {
        const answer = await api(child.url, 'POST', `/api/declarations/${DOC}/amendments`, {
          token,
          body: { change: { kind: 'words', clauseId: clauseIdAt(page.text, 8 + index), spans: [spanAt(page.text, 8 + index, 0, 0, 'So ')] }, justification: mark },
        })
        expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      }
    } finally {
      page.destroy()
      // strace's child is the server; it ends, and strace with it, on SIGTERM.
      const [server] = (await readFile(`/proc/${child.process.pid}/task/${child.process.pid}/children`, 'utf8')).trim().split(' ')
      process.kill(Number(server), 'SIGTERM')
      await child.exited
    }
    const trace = await readFile(traceFile, 'utf8')
    const found = marksOnSockets(parseTrace(trace), MARKS)
    // Should this fail, the lines it was judged on say whether the server or the reading of the trace is at fault.
    const judged = trace.split('\n').filter((line) => line.includes('/amendments') || MARKS.some((mark) => line.includes(mark))).map((line) => line.slice(0, 160)).join('\n')
    // Each mark goes out at least twice: the answer to the proposer and the push to the page.
    for (const mark of MARKS) expect(found.filter((entry) => entry.mark === mark).length, `${mark}\n${judged}`).toBeGreaterThanOrEqual(2)
    expect(found.filter((entry) => !entry.durable), judged).toEqual([])
  })
})
