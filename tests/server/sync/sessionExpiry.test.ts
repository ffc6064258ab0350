import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer

afterEach(() => server.destroy())

describe('an open socket and its session', () => {
  it('is closed with 4401 when the session expires, so no socket outlives its sign-in', async () => {
    server = await startTestServer({ sessionTtlMs: 1500 })
    const socket = await openRawSync(server.wsUrl, 'almaty-declaration', await startSession(server.url, 'editor-gbr'))
    const opened = Date.now()
    const closed = await socket.closed
    expect(closed.code).toBe(CloseCode.unauthorized)
    expect(closed.reason).toMatch(/sign in again/)
    expect(Date.now() - opened).toBeGreaterThan(1000)
  })
})
