import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createLogger } from '../../server/src/log.js'
import { DEMO_DECLARATION, seedDemo } from '../../server/src/seed/seedDemo.js'
import { SessionService } from '../../server/src/sessions/SessionService.js'
import { startServer } from '../../server/src/startServer.js'
import { LowStore } from '../../server/src/store/LowStore.js'
import { BENCH_LOGIN_PREFIX, LARGE_DOCUMENT, LARGE_TITLE, MODERATOR_LOGIN } from '../benchDocuments.js'
import { serveBenchServer } from './serveBenchServer.js'

// Kelisim as it runs in production: sign-in on every socket, every change fsynced to a fresh data folder.
serveBenchServer(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kelisim-bench-'))
  const log = createLogger(process.stderr, 'warn')
  const store = await LowStore.open(dataDir, log)
  await seedDemo(store, log)
  // The large declaration starts from the same state the peers are given, so every server grows the same document.
  const base = new Uint8Array(await readFile(process.env.BENCH_LARGE_BASE ?? ''))
  await store.createDeclaration({ name: LARGE_DOCUMENT, title: LARGE_TITLE, createdAt: new Date().toISOString() }, base)
  const moderator = await store.findParticipantByLogin(MODERATOR_LOGIN)
  if (moderator) await store.memberships.grant({ declaration: LARGE_DOCUMENT, participantId: moderator.id, role: 'moderator' })
  // One person may open only a few sockets, so the crowd is spread over many accounts, each signed in once.
  const sessions = new SessionService(store, 24 * 60 * 60 * 1000)
  const tokens: string[] = []
  for (let index = 0; index < Number(process.env.BENCH_ACCOUNTS ?? 1); index += 1) {
    const participant = { id: randomUUID(), login: `${BENCH_LOGIN_PREFIX}${index}`, name: `Delegate ${index}`, delegation: 'KAZ', passwordHash: null, createdAt: new Date().toISOString() }
    const memberships = [DEMO_DECLARATION, LARGE_DOCUMENT].map((declaration) => ({ declaration, participantId: participant.id, role: 'editor' as const }))
    await store.createParticipant(participant, memberships)
    tokens.push((await sessions.start(participant.id)).token)
  }
  await store.close()
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true, clientDir: join(dataDir, 'no-client'), extraOrigins: [] }, { log })
  return {
    port: server.port,
    dataDir,
    tokens,
    close: async () => {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
})
