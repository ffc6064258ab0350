import { cp } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import type { ServerHooks } from '../../../server/src/serverHooks.js'
import { api } from '../../helpers/api.js'
import { barrier, type Barrier } from '../../helpers/barrier.js'
import { ManualClock } from '../../helpers/manualClock.js'
import { startSession } from '../../helpers/sessions.js'
import { auditEntries, base, currentSilence, lockFinalText } from '../../helpers/silence.js'
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/testServer.js'

const HOUR = 3_600_000
const servers: TestServer[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) await server.destroy()
})

/** Where an unlock waits once `arm` is called: the hook the server is started with, and the barrier it holds at. */
function heldNext(): { hook: () => Promise<void>; arm: () => Barrier } {
  let held: Barrier | null = null
  return { hook: async () => held?.hold(), arm: () => (held = barrier()) }
}

/** A server whose draft is locked on a version under silence, and the chair's unlock of it. */
async function underSilence(clock: ManualClock, hooks: ServerHooks) {
  const server = await startTestServer({ clock, hooks })
  servers.push(server)
  const chair = await startSession(server.url, 'chair')
  const version = await lockFinalText(server.url, chair)
  const silence = (await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })).body as SilenceView
  const unlock = () => api(server.url, 'POST', `${base}/versions/unlock`, { token: chair, body: { name: 'Rev.3' } })
  return { server, chair, silence, unlock }
}

/** A server started on a copy of the disk as it is now, as a stop at this moment leaves it, with its clock at `now`. */
async function startedAfterStop(server: TestServer, now: number): Promise<{ restarted: TestServer; chair: string }> {
  const dataDir = await tempDataDir()
  await cp(server.dataDir, dataDir, { recursive: true })
  const restarted = await startTestServer({ dataDir, clock: new ManualClock(now) })
  servers.push(restarted)
  return { restarted, chair: await startSession(restarted.url, 'chair') }
}

describe('a silence on a draft being unlocked', () => {
  it('is withdrawn as of the unlock when the server stops after the unlock, before the withdrawal, and the deadline passes while it is down', async () => {
    const clock = new ManualClock()
    const afterUnlock = heldNext()
    const { server, silence, unlock } = await underSilence(clock, { afterUnlock: afterUnlock.hook })
    clock.advance(HOUR)
    const unlockedAt = clock.now()
    const held = afterUnlock.arm()
    const unlocking = unlock()
    await held.reached
    const { restarted, chair } = await startedAfterStop(server, unlockedAt + 80 * HOUR)
    held.open()
    expect((await unlocking).status).toBe(201)
    expect(await currentSilence(restarted.url, chair)).toMatchObject({ id: silence.id, state: 'withdrawn', decidedAt: new Date(unlockedAt).toISOString() })
    expect(await auditEntries(restarted.url, chair, 'silence_decided')).toMatchObject([{ actor: { name: 'Aigerim Seitkali' }, details: { silence: silence.id, outcome: 'withdrawn' } }])
  })

  it('is decided at start when the server stopped before the unlock cleared the lock', async () => {
    const clock = new ManualClock()
    const freezeRead = heldNext()
    const { server, silence, unlock } = await underSilence(clock, { afterFreezeRead: freezeRead.hook })
    const held = freezeRead.arm()
    const unlocking = unlock()
    await held.reached
    const { restarted, chair } = await startedAfterStop(server, clock.now() + 80 * HOUR)
    held.open()
    expect((await unlocking).status).toBe(201)
    expect(await currentSilence(restarted.url, chair)).toMatchObject({ id: silence.id, state: 'adopted' })
  })

  it('is withdrawn, not decided, when its deadline passes while the unlock is under way', async () => {
    const clock = new ManualClock()
    const freezeRead = heldNext()
    const { server, chair, silence, unlock } = await underSilence(clock, { afterFreezeRead: freezeRead.hook })
    clock.advance(Date.parse(silence.deadline) - clock.now() - 1000)
    const unlockedAt = clock.now()
    const held = freezeRead.arm()
    const unlocking = unlock()
    await held.reached
    // The deadline's timer fires, and a reader asks, while the unlock is held before it clears the lock.
    clock.advance(2000)
    expect(await currentSilence(server.url, chair)).toMatchObject({ id: silence.id, state: 'running' })
    held.open()
    expect((await unlocking).status).toBe(201)
    expect(await currentSilence(server.url, chair)).toMatchObject({ id: silence.id, state: 'withdrawn', decidedAt: new Date(unlockedAt).toISOString() })
    expect(await auditEntries(server.url, chair, 'silence_decided')).toHaveLength(1)
  })

  it('runs on, and is decided at its deadline, when the unlock fails before it clears the lock', async () => {
    const clock = new ManualClock()
    let failing = false
    const { server, chair, silence, unlock } = await underSilence(clock, {
      afterFreezeRead: async () => {
        if (failing) throw new Error('the disk is gone')
      },
    })
    failing = true
    expect((await unlock()).status).toBe(500)
    failing = false
    expect(await currentSilence(server.url, chair)).toMatchObject({ id: silence.id, state: 'running' })
    clock.advance(73 * HOUR)
    expect(await currentSilence(server.url, chair)).toMatchObject({ id: silence.id, state: 'adopted' })
  })
})
