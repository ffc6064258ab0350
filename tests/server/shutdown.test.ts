import { describe, expect, it } from 'vitest'
import { clauseText } from '../helpers/declarationText.js'
import { upgradeStatus } from '../helpers/rawHttp.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'
import { startTestServer } from '../helpers/testServer.js'

describe('shutting down', () => {
  it('lets no client back in while the last changes are saved, and finishes', async () => {
    const server = await startTestServer({ save: { commitDelayMs: 2000 } })
    const token = await startSession(server.url, 'editor-gbr')
    const writer = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(writer)
    // Unsaved changes when the shutdown starts, so it has saving to do.
    for (let n = 0; n < 200; n += 1) clauseText(writer.text, n % 10).insert(0, `unsaved ${n} `)
    await new Promise((resolve) => setTimeout(resolve, 100))

    const closing = server.close()
    const attempt = await upgradeStatus(server.port, '/sync/almaty-declaration', { Authorization: `Bearer ${token}` }).catch((error: NodeJS.ErrnoException) => error.code)
    expect(attempt === 503 || attempt === 'ECONNREFUSED' || attempt === 'ECONNRESET').toBe(true)
    const finished = await Promise.race([closing.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))])
    expect(finished).toBe(true)
    writer.destroy()
    await server.destroy()
  })
})
