import { runAdminCommand } from '../../server/src/admin/adminCommands.js'
import { createLogger } from '../../server/src/log.js'
import { LowStore } from '../../server/src/store/LowStore.js'
import { startTestServer, type TestServer } from './testServer.js'
import type { StartOptions } from '../../server/src/startServer.js'

/** A seeded server with a second declaration, `name`, moderated by the demo chair, as the admin command makes one. */
export async function startServerWithTwoDeclarations(name: string, options: StartOptions = {}): Promise<TestServer> {
  const seeded = await startTestServer()
  await seeded.close()
  const store = await LowStore.open(seeded.dataDir, createLogger(process.stderr, 'silent'))
  const noPassword = () => Promise.reject(new Error('no password is asked for an existing participant'))
  try {
    await runAdminCommand(store, ['create-declaration', '--name', name, '--title', 'Second declaration'], noPassword)
    await runAdminCommand(store, ['add-moderator', '--declaration', name, '--login', 'chair'], noPassword)
  } finally {
    await store.close()
  }
  return startTestServer({ ...options, dataDir: seeded.dataDir })
}
