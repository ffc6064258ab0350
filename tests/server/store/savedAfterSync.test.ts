import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startChildServer } from '../../helpers/childServer.js'
import { clauseText } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { parseTrace, whyStraceCannotTrace, type TracedEvent } from '../../helpers/syscallTrace.js'

const DOC = 'almaty-declaration'
const EDITS = 12
const WRITES = new Set(['write', 'writev', 'pwrite64', 'pwritev', 'pwritev2'])
const SYNCS = new Set(['fdatasync', 'fsync'])
const TRACED = [...WRITES, ...SYNCS, 'sendmsg', 'sendto'].join(',')

const cannotTrace = whyStraceCannotTrace()
const folders: string[] = []
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

/** For each `saved` answer written to a socket, in order: its seq and whether a log write was still unsynced then. */
function savedAnswers(events: TracedEvent[], logSuffix: string): { answers: { seq: number; unsynced: boolean }[]; logWrites: number } {
  let written = 0
  let synced = 0
  let logWrites = 0
  const syncing = new Map<number, number>()
  const answers: { seq: number; unsynced: boolean }[] = []
  for (const { pid, call, target, phase, text } of events) {
    if (target.endsWith(logSuffix)) {
      if (WRITES.has(call) && phase === 'enter') written = ++logWrites
      // A sync covers the writes that had begun when it began, once it returns 0.
      if (SYNCS.has(call) && phase === 'enter') syncing.set(pid, written)
      if (SYNCS.has(call) && phase === 'exit' && /\) = 0/.test(text)) synced = Math.max(synced, syncing.get(pid) ?? 0)
    } else if (target.startsWith('socket:') && phase === 'enter' && text.includes('\\"type\\":\\"saved\\"')) {
      answers.push({ seq: Number(/\\"seq\\":(\d+)/.exec(text)?.[1]), unsynced: written > synced })
    }
  }
  return { answers, logWrites }
}

describe('saved means synced', () => {
  it.skipIf(cannotTrace !== null)(`every saved answer on a socket comes after a data sync of the log holding its changes${cannotTrace ? ` (skipped: ${cannotTrace})` : ''}`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kelisim-test-'))
    const traceDir = await mkdtemp(join(tmpdir(), 'kelisim-trace-'))
    folders.push(dataDir, traceDir)
    const traceFile = join(traceDir, 'server.trace')
    const child = await startChildServer(dataDir, {}, ['strace', '-f', '-qq', '-y', '-s', '4096', '--seccomp-bpf', '-e', `trace=${TRACED}`, '-o', traceFile])
    const client = connectClient(child.wsUrl, DOC, await startSession(child.url, 'editor-gbr'))
    try {
      await whenSynced(client)
      const confirm = savedAcks(client)
      for (let seq = 1; seq <= EDITS; seq += 1) {
        clauseText(client.text, 0).insert(0, `<${seq}>`)
        await confirm(seq)
      }
    } finally {
      client.destroy()
      // strace's child is the server; it ends, and strace with it, on SIGTERM.
      const [server] = (await readFile(`/proc/${child.process.pid}/task/${child.process.pid}/children`, 'utf8')).trim().split(' ')
      process.kill(Number(server), 'SIGTERM')
      await child.exited
    }
    const { answers, logWrites } = savedAnswers(parseTrace(await readFile(traceFile, 'utf8')), `/documents/${DOC}.ylog`)
    expect(answers.map(({ seq }) => seq)).toEqual(Array.from({ length: EDITS }, (_, index) => index + 1))
    expect(logWrites).toBeGreaterThanOrEqual(EDITS)
    expect(answers.filter(({ unsynced }) => unsynced)).toEqual([])
  })
})
