import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Role } from '../../shared/roles.js'
import { createLogger } from '../../server/src/log.js'
import { seedDemo } from '../../server/src/seed/seedDemo.js'
import { startServer } from '../../server/src/startServer.js'
import { LowStore } from '../../server/src/store/LowStore.js'
import { EDITOR_LOGINS, LARGE_DOCUMENT, LARGE_TITLE, MODERATOR_LOGIN } from '../benchDocuments.js'
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
  const roles: [string, Role][] = [[MODERATOR_LOGIN, 'moderator'], ...EDITOR_LOGINS.map((editor): [string, Role] => [editor, 'editor'])]
  for (const [login, role] of roles) {
    const participant = await store.findParticipantByLogin(login)
    if (participant) await store.memberships.grant({ declaration: LARGE_DOCUMENT, participantId: participant.id, role })
  }
  await store.close()
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true, clientDir: join(dataDir, 'no-client'), extraOrigins: [] }, { log })
  return {
    port: server.port,
    dataDir,
    close: async () => {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
})
