import { onTestFinished } from 'vitest'
import type { StartOptions } from '../../server/src/startServer.js'
import { startSession } from './sessions.js'
import { connectClient, whenSynced, type SyncClient } from './syncClients.js'
import { startTestServer, type TestServer } from './testServer.js'

/** The demo declaration's name. */
export const DRAFT = 'almaty-declaration'

/** A server with the chair signed in and an editor synced on the demo declaration; both go when the test ends. */
export async function editingDraft(options: StartOptions = {}): Promise<{ server: TestServer; moderator: string; editor: SyncClient }> {
  const server = await startTestServer(options)
  let editor: SyncClient | null = null
  onTestFinished(async () => {
    editor?.destroy()
    await server.destroy()
  })
  const moderator = await startSession(server.url, 'chair')
  editor = connectClient(server.wsUrl, DRAFT, await startSession(server.url, 'editor-gbr'))
  await whenSynced(editor)
  return { server, moderator, editor }
}
