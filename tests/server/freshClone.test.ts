import { spawn, spawnSync } from 'node:child_process'
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '../helpers/sessions.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

let clone = ''
beforeAll(async () => {
  clone = await mkdtemp(join(tmpdir(), 'kelisim-clone-'))
  // What a clone holds: the files git tracks or would track, never dist/, data/ or node_modules/.
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  expect(listed.status).toBe(0)
  for (const file of listed.stdout.split('\0').filter((path) => path && existsSync(join(root, path)))) {
    await cp(join(root, file), join(clone, file))
  }
  // `npm install` is the README's first step; the installed packages stand in for it.
  await symlink(join(root, 'node_modules'), join(clone, 'node_modules'))
})
afterAll(() => rm(clone, { recursive: true, force: true }))

/** Runs `npm start` in the clone as a newcomer would: no NODE_ENV, no DATA_DIR, no DEMO; only a free port. */
async function npmStart(): Promise<{ url: string; output: string[]; stop(): Promise<void> }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|DATA_DIR|DEMO|HOST|PUBLIC_URL|VITEST.*)$/.test(name)))
  const child = spawn('npm', ['start'], { cwd: clone, env: { ...env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const output: string[] = []
  // The pipes close once every process of the start (npm, the shell, the server) has ended.
  const ended = new Promise<void>((resolve) => child.stdout.once('close', resolve))
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line)
      const port = /"event":"listening".*"port":(\d+)/.exec(line)?.[1]
      if (port) resolve(Number(port))
    })
    void ended.then(() => reject(new Error(`npm start ended before listening:\n${output.join('\n')}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM')
      await ended
    },
  }
}

describe('the README on a fresh clone', () => {
  it('`npm start` builds, seeds the demo, signs in chair, stops, and does the same again on the same data folder', { timeout: 300_000 }, async () => {
    const first = await npmStart()
    expect(await startSession(first.url)).toMatch(/\S/)
    expect(existsSync(join(clone, 'dist/client/index.html')) && existsSync(join(clone, 'dist/server/main.js'))).toBe(true)
    await first.stop()
    expect(first.output.join('\n')).toMatch(/"event":"stopped"/)

    const second = await npmStart()
    expect(await startSession(second.url)).toMatch(/\S/)
    await second.stop()
    expect(second.output.join('\n')).not.toMatch(/missing or older than its sources/)
    expect(second.output.join('\n')).toMatch(/"event":"stopped"/)
  })
})
