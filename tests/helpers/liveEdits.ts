import { expect } from 'vitest'
import { api } from './api.js'
import { startSession } from './sessions.js'

/**
 * Waits until the server's live text differs from the declaration's first frozen version as `summary` words it (in
 * the chair's language): an edit typed in a browser has reached the server, which "All changes saved" on screen
 * before the typing cannot prove.
 */
export async function untilServerHasEdit(baseUrl: string, declaration: string, summary: string): Promise<void> {
  const token = await startSession(baseUrl)
  const [first] = (await api(baseUrl, 'GET', `/api/declarations/${declaration}/versions`, { token })).body as { id: string }[]
  await expect.poll(async () => ((await api(baseUrl, 'GET', `/api/declarations/${declaration}/redline?from=${first!.id}&to=live`, { token })).body as { summary: string }).summary).toBe(summary)
}
