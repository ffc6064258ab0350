import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { StartOptions } from '../../server/src/startServer.js'
import { startSession } from './sessions.js'
import { connectClient, whenSynced, type SyncClient } from './syncClients.js'
import { startTestServer, type TestServer } from './testServer.js'

/** What a room starts: sessions and synced clients by the names its tests use, each with the login it signs in as. */
interface RoomSetup<S extends string, C extends string> {
  /** Bearer tokens, signed in over the API. */
  sessions?: Record<S, string>
  /** Clients that open the declaration, each with a session of its own, synced before the tests run. */
  clients?: Record<C, string>
  /** The declaration the clients open; the seeded one unless told. */
  declaration?: string
  server?: StartOptions
  /** A fresh room for each test instead of one for the whole file. */
  perTest?: boolean
}

/** The running room: the server, and each session's token and client by its name. */
export type Room<S extends string, C extends string> = { readonly server: TestServer; restart(): Promise<void> } & { readonly [name in S]: string } & { readonly [name in C]: SyncClient }

/**
 * A real server on port 0 with the sessions and synced clients a test file uses, started before its tests and
 * stopped (clients first) after them. Read its members inside tests: they exist once the room has started.
 */
export function roomOnServer<S extends string = never, C extends string = never>(setup: RoomSetup<S, C>): Room<S, C> {
  const declaration = setup.declaration ?? 'almaty-declaration'
  let server: TestServer | null = null
  const tokens = new Map<string, string>()
  const clients = new Map<string, SyncClient>()

  const signIn = async (options: StartOptions & { dataDir?: string }) => {
    server = await startTestServer(options)
    const { url, wsUrl } = server
    for (const [name, login] of Object.entries<string>(setup.sessions ?? {})) tokens.set(name, await startSession(url, login))
    for (const [name, login] of Object.entries<string>(setup.clients ?? {})) clients.set(name, connectClient(wsUrl, declaration, await startSession(url, login)))
    await Promise.all([...clients.values()].map(whenSynced))
  }
  const closeClients = () => {
    for (const client of clients.values()) client.destroy()
    clients.clear()
  }
  const start = () => signIn(setup.server ?? {})
  const stop = async () => {
    closeClients()
    await server?.destroy()
    server = null
  }
  ;(setup.perTest ? beforeEach : beforeAll)(start)
  ;(setup.perTest ? afterEach : afterAll)(stop)

  const running = (): TestServer => {
    if (!server) throw new Error('the room has not started: read it inside a test')
    return server
  }
  const room = {
    get server() {
      return running()
    },
    /** Stops the server keeping its data, starts it again on the same folder, and signs everyone in anew. */
    async restart() {
      const { dataDir } = running()
      closeClients()
      await running().close()
      await signIn({ ...setup.server, dataDir })
    },
  }
  for (const name of [...Object.keys(setup.sessions ?? {}), ...Object.keys(setup.clients ?? {})]) {
    Object.defineProperty(room, name, { get: () => (running(), tokens.get(name) ?? clients.get(name)) })
  }
  return room as Room<S, C>
}
