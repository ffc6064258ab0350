import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { startSession } from '../helpers/sessions.js'
import { tempDataDir } from '../helpers/testServer.js'
import { startEnvironment } from '../../scripts/startEnvironment.js'
import { demoAccounts } from '../../server/src/seed/demoAccounts.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pages = /^RssAnon:\s+(\d+) kB$/m

/** Servers still running: a test that fails before it stops its own leaves it for afterAll, not for the machine. */
const running = new Set<ChildProcess>()

/** Starts dist/server/main.js with plain node and waits until it listens. */
async function startBuilt(env: Record<string, string>, nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, 'dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  running.add(child)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  void exited.then(() => running.delete(child))
  const events: { event?: string; port?: number }[] = []
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { event?: string; port?: number }
      events.push(event)
      if (event.event === 'listening' && event.port) resolve(event.port)
    })
    void exited.then((code) => reject(new Error(`the built server exited with ${code} before listening`)))
  })
  return { child, exited, events, base: `http://127.0.0.1:${port}` }
}
const tracer = fileURLToPath(new URL('../helpers/moduleTrace.mjs', import.meta.url))
/** The libraries only exports use; a server that has exported nothing has no reason to hold them. */
const exportLibraries = /\/node_modules\/(pdfkit|docx|fontkit|linebreak|bidi-js)\//

let folder = ''
beforeAll(async () => {
  folder = await tempDataDir()
  // The build this test checks is the one `npm start` makes.
  expect(spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' }).status).toBe(0)
})
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL')
  await rm(folder, { recursive: true, force: true })
})

describe('the built server', () => {
  it('serves from dist/server with plain node, exports included: no tsx, esbuild or Vite module is loaded, not even in its worker thread, and the export libraries only at the first export', async () => {
    const trace = join(folder, 'modules.txt')
    const { child, exited, events, base } = await startBuilt({ DATA_DIR: join(folder, 'data'), KELISIM_MODULE_TRACE: trace }, ['--import', tracer])
    const token = await startSession(base)
    // Freezing a version reads the text in the reader thread.
    const frozen = await api(base, 'POST', '/api/declarations/almaty-declaration/versions', { token, body: { name: 'Rev.2' } })
    expect(frozen.status).toBe(201)
    // The PDF export finds its fonts by resolving packages from the built file's place.
    const versionId = (frozen.body as { version: { id: string } }).version.id
    const loadedSoFar = (await readFile(trace, 'utf8')).split('\n')
    expect(loadedSoFar.some((module) => module.includes('/node_modules/express/'))).toBe(true)
    expect(loadedSoFar.filter((module) => exportLibraries.test(module))).toEqual([])
    expect((await api(base, 'GET', `/api/declarations/almaty-declaration/exports/${versionId}.pdf`, { token })).status).toBe(200)
    expect((await api(base, 'GET', '/api/declarations/almaty-declaration/compilation.docx', { token })).status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)

    expect(events.filter((event) => event.event === 'text_reader_lost' || event.event === 'text_read_on_loop')).toEqual([])
    const loaded = (await readFile(trace, 'utf8')).split('\n').filter(Boolean)
    expect(loaded.some((module) => module.endsWith('/dist/server/textReaderThread.js'))).toBe(true)
    expect(loaded.some((module) => module.includes('/node_modules/yjs/'))).toBe(true)
    expect(loaded.some((module) => module.includes('/node_modules/pdfkit/'))).toBe(true)
    expect(loaded.some((module) => module.includes('/node_modules/docx/'))).toBe(true)
    expect(loaded.filter((module) => /\/node_modules\/(tsx|esbuild|@esbuild|vite|vitest|rolldown|@rolldown|typescript)\//.test(module))).toEqual([])
    expect(loaded.filter((module) => /\.(ts|tsx|mts)$/.test(module))).toEqual([])
  })

  it('loads the encoding tables the JSON parser needs before it listens, not at the first request, which would hold the sync loop', async () => {
    const trace = join(folder, 'modules-at-start.txt')
    const { child, exited } = await startBuilt({ DATA_DIR: join(folder, 'no-request'), KELISIM_MODULE_TRACE: trace }, ['--import', tracer])
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const loaded = (await readFile(trace, 'utf8')).split('\n')
    expect(loaded.some((module) => module.includes('/node_modules/iconv-lite/encodings/'))).toBe(true)
  })

  it('idles in little memory when started as `npm start` starts it, though every sign-in hashes on a thread of the pool', async () => {
    const server = await startBuilt({ ...startEnvironment(), DATA_DIR: join(folder, 'idle') })
    // Enough sign-ins at once to put a password hash on every thread of the pool.
    await Promise.all(demoAccounts.slice(0, 8).map((account) => startSession(server.base, account.login)))
    const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8')
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    // glibc keeps each thread's freed 16 MiB scrypt buffer unless its threshold for handing memory back is fixed.
    expect(Number(pages.exec(status)?.[1]) * 1024).toBeLessThan(100 * 1024 * 1024)
  })
})
