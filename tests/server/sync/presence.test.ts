import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodePresence } from '../../../server/src/sync/presence.js'
import { encodeAwarenessFrame } from '../../../server/src/sync/syncFrames.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
const clients: SyncClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.destroy()
})

async function join(login: string): Promise<SyncClient> {
  const client = connectClient(server.wsUrl, 'almaty-declaration', await startSession(server.url, login))
  clients.push(client)
  await whenSynced(client)
  return client
}

type User = { name: string; delegation: { code: string; name: string }; role: string; color: string }
const userOf = (observer: SyncClient, clientId: number) => (observer.provider.awareness.getStates().get(clientId) as { user?: User } | undefined)?.user

describe('presence carries the identity of the session', () => {
  it("replaces a claimed name and delegation with the session's", async () => {
    const observer = await join('observer-idn')
    const liar = await join('editor-kaz')
    liar.provider.awareness.setLocalStateField('user', {
      name: 'Secretary-General',
      delegation: { code: 'UN', name: 'United Nations', color: '#000000' },
      role: 'moderator',
    })
    await waitFor(() => userOf(observer, liar.doc.clientID) !== undefined, 'the liar appears')
    expect(userOf(observer, liar.doc.clientID)).toEqual({
      name: 'Ержан Нұрланұлы',
      delegation: { code: 'KAZ', name: 'Kazakhstan', color: '#0e6a9b' },
      role: 'editor',
      color: '#0e6a9b',
    })
  })

  it("never shows a state sent under another connection's client id", async () => {
    const observer = await join('signatory-pol')
    const victim = await join('editor-gbr')
    victim.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(() => userOf(observer, victim.doc.clientID)?.name === 'James Whitfield', 'the victim appears')
    const spoofer = await join('editor-chn')
    spoofer.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(() => userOf(observer, spoofer.doc.clientID)?.name === '李伟', 'the spoofer appears')
    // Speak as the victim: same client id, a higher clock, a state of one's own.
    const victimClock = victim.provider.awareness.meta.get(victim.doc.clientID)?.clock ?? 0
    spoofer.provider.ws?.send(
      encodeAwarenessFrame(encodePresence([{ clientId: victim.doc.clientID, clock: victimClock + 5, state: { user: { name: 'Fake' }, cursor: null } }])),
    )
    spoofer.provider.awareness.setLocalStateField('cursor', null)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(userOf(observer, victim.doc.clientID)?.name).toBe('James Whitfield')
    expect(spoofer.provider.wsconnected).toBe(true)
  })

  it("removes a client's presence when it leaves", async () => {
    const observer = await join('signatory-usa')
    const leaver = await join('editor-nga')
    leaver.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(() => userOf(observer, leaver.doc.clientID)?.name === 'Chidinma Okafor', 'the leaver appears')
    leaver.provider.disconnect()
    await waitFor(() => !observer.provider.awareness.getStates().has(leaver.doc.clientID), 'the leaver is gone')
  })
})
