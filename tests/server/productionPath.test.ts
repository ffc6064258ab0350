import { spawnSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startChildServer } from '../helpers/childServer.js'
import { startSession } from '../helpers/sessions.js'
import { tempDataDir } from '../helpers/testServer.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** Runs `npm run admin -- …` on a data folder, as the README's production section does. */
function admin(dataDir: string, args: string[], input = ''): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, input, encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe("the README's production path", () => {
  it('starts without the demo, stops, takes the first moderator from npm run admin, and starts again', async () => {
    const dataDir = await tempDataDir()
    dirs.push(dataDir)
    // NODE_ENV=production once turned the demo off and left the folder unrecognisable; the address decides now.
    const production = { HOST: '0.0.0.0', NODE_ENV: 'production' }
    const first = await startChildServer(dataDir, production)
    first.process.kill('SIGTERM')
    expect(await first.exited).toBe(0)

    expect(admin(dataDir, ['add-delegation', '--code', 'KAZ', '--name', 'Kazakhstan', '--color', '#00658f'])).toMatchObject({ status: 0 })
    expect(admin(dataDir, ['create-declaration', '--name', 'almaty-declaration', '--title', 'Almaty Declaration'])).toMatchObject({ status: 0 })
    const moderator = admin(dataDir, ['add-moderator', '--declaration', 'almaty-declaration', '--login', 'chair', '--name', 'Aigerim Seitkali', '--delegation', 'KAZ'], 'a-long-moderator-password\n')
    expect(moderator).toMatchObject({ status: 0, output: expect.stringMatching(/Created moderator/) })

    const second = await startChildServer(dataDir, production)
    try {
      expect(await startSession(second.url, 'chair', 'a-long-moderator-password')).toMatch(/\S/)
    } finally {
      second.process.kill('SIGTERM')
      await second.exited
    }
  })
})
