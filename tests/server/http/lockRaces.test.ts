import { afterAll, describe, expect, it, vi } from 'vitest'
import { LowStore } from '../../../server/src/store/LowStore.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const base = `/api/declarations/${DOC}`
let server: TestServer | undefined
afterAll(() => server?.destroy())

describe('locking and unlocking at the same moment', () => {
  it('an unlock racing another unlock and a new lock does not undo the lock it never saw', async () => {
    server = await startTestServer()
    const chair = await startSession(server.url, 'chair')
    const secretariat = await startSession(server.url, 'secretariat')
    const freeze = async (name: string) => ((await api(server!.url, 'POST', `${base}/versions`, { token: chair, body: { name } })).body as { version: VersionSummary }).version
    const lock = (id: string) => api(server!.url, 'POST', `${base}/versions/${id}/lock`, { token: chair })
    const unlock = (token: string, name: string) => api(server!.url, 'POST', `${base}/versions/unlock`, { token, body: { name } })
    expect((await lock((await freeze('Final text')).id)).status).toBe(200)

    // The secretariat's unlock has made its checks and frozen its version; its change of the lock is held.
    let arrived!: () => void
    const atStore = new Promise<void>((resolve) => (arrived = resolve))
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const original = LowStore.prototype.setLockedVersion
    let calls = 0
    const spy = vi.spyOn(LowStore.prototype, 'setLockedVersion').mockImplementation(async function (this: LowStore, ...args: Parameters<typeof original>) {
      calls += 1
      if (calls === 1) {
        arrived()
        await gate
      }
      return original.apply(this, args)
    })
    try {
      const late = unlock(secretariat, 'Round 2 (secretariat)')
      await atStore
      const unlocked = await unlock(chair, 'Round 2')
      expect(unlocked.status).toBe(201)
      expect((await lock((unlocked.body as VersionSummary).id)).status).toBe(200)
      release()
      expect(await late).toMatchObject({ status: 409, body: { error: 'lock_changed' } })
      // Still locked: freezing is refused.
      expect(await api(server.url, 'POST', `${base}/versions`, { token: chair, body: { name: 'Edit while locked' } })).toMatchObject({ status: 409, body: { error: 'locked' } })
    } finally {
      spy.mockRestore()
    }
  })

  it('two locks at once: the one that checked first locks, the other is told the draft is already locked', async () => {
    await server?.destroy()
    server = await startTestServer()
    const chair = await startSession(server.url, 'chair')
    const current = ((await api(server.url, 'POST', `${base}/versions`, { token: chair, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
    // The first lock has made its checks and holds the document's lock while its change of the stored lock is held.
    let arrived!: () => void
    const atStore = new Promise<void>((resolve) => (arrived = resolve))
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const original = LowStore.prototype.setLockedVersion
    let calls = 0
    const spy = vi.spyOn(LowStore.prototype, 'setLockedVersion').mockImplementation(async function (this: LowStore, ...args: Parameters<typeof original>) {
      calls += 1
      if (calls === 1) {
        arrived()
        await gate
      }
      return original.apply(this, args)
    })
    try {
      const first = api(server.url, 'POST', `${base}/versions/${current.id}/lock`, { token: chair })
      await atStore
      const second = await api(server.url, 'POST', `${base}/versions/${current.id}/lock`, { token: await startSession(server.url, 'secretariat') })
      expect(second).toMatchObject({ status: 409, body: { error: 'already_locked' } })
      release()
      expect((await first).status).toBe(200)
    } finally {
      spy.mockRestore()
    }
    const { entries } = (await api(server!.url, 'GET', `${base}/audit`, { token: chair })).body as { entries: Array<{ action: string }> }
    expect(entries.filter((entry) => entry.action === 'draft_locked')).toHaveLength(1)
  })
})
