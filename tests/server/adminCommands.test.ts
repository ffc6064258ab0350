import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { runAdminCommand } from '../../server/src/admin/adminCommands.js'
import { createLogger } from '../../server/src/log.js'
import { LowStore } from '../../server/src/store/LowStore.js'
import { api } from '../helpers/api.js'
import { startSession } from '../helpers/sessions.js'
import { startTestServer, tempDataDir } from '../helpers/testServer.js'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

describe('the first-moderator bootstrap', () => {
  it('sets up a production store from nothing: a delegation, a declaration, its first moderator', async () => {
    const dataDir = await tempDataDir()
    dirs.push(dataDir)
    const store = await LowStore.open(dataDir, createLogger(process.stderr, 'silent'))
    const password = async () => 'chair-password-2025'
    const run = (...argv: string[]) => runAdminCommand(store, argv, password)
    expect(await run('add-delegation', '--code', 'KAZ', '--name', 'Kazakhstan', '--color', '#00658f')).toMatch(/Added/)
    expect(await run('create-declaration', '--name', 'astana-accord', '--title', 'Астана келісімі')).toMatch(/Created/)
    expect(await run('add-moderator', '--declaration', 'astana-accord', '--login', 'chair', '--name', 'Aigerim', '--delegation', 'KAZ')).toMatch(/Created moderator/)
    await expect(run('add-delegation', '--code', 'KAZ', '--name', 'Again', '--color', '#000000')).rejects.toThrow(/exists/)
    expect(await run('add-delegation', '--code', 'KGZ', '--name', 'Kyrgyzstan', '--color', '#00628c')).toMatch(
      /^Added delegation Kyrgyzstan \(KGZ\)\.\nWarning: It looks like the colour of Kazakhstan \(#00658f\).*\nA distinct colour: #[0-9a-f]{6}\.$/,
    )
    await expect(run('add-moderator', '--declaration', 'nowhere', '--login', 'x1')).rejects.toThrow(/no declaration/)
    expect(await run('add-moderator', '--declaration', 'astana-accord', '--login', 'x1', '--name', 'X', '--delegation', 'KAZ')).toMatch(/Created/)
    await expect(runAdminCommand(store, ['add-moderator', '--declaration', 'astana-accord', '--login', 'x2', '--name', 'Y', '--delegation', 'KAZ'], async () => 'short')).rejects.toThrow(/at least 10/)
    await expect(run('unknown-command')).rejects.toThrow(/Usage/)
    await store.close()

    const server = await startTestServer({ dataDir })
    try {
      const token = await startSession(server.url, 'chair', 'chair-password-2025')
      expect((await api(server.url, 'GET', '/api/declarations', { token })).body).toEqual([
        expect.objectContaining({ name: 'astana-accord', title: 'Астана келісімі', role: 'moderator' }),
      ])
    } finally {
      await server.close()
    }
  })
})
