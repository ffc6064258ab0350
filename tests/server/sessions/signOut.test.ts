import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { api } from '../../helpers/api.js'
import { openRawSync, type Closed } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'

let server: TestServer | null = null
afterEach(async () => {
  await server?.destroy()
  server = null
})

describe('signing out', () => {
  it("closes that session's open sockets with 4401 and a reason, and leaves the person's other sessions open", async () => {
    server = await startTestServer()
    const laptop = await startSession(server.url)
    const phone = await startSession(server.url)
    const onLaptop = await openRawSync(server.wsUrl, 'almaty-declaration', laptop)
    const alsoOnLaptop = await openRawSync(server.wsUrl, 'almaty-declaration', laptop)
    const onPhone = await openRawSync(server.wsUrl, 'almaty-declaration', phone)

    expect((await api(server.url, 'DELETE', '/api/session', { token: laptop })).status).toBe(204)

    for (const socket of [onLaptop, alsoOnLaptop]) expect(await socket.closed).toEqual({ code: CloseCode.unauthorized, reason: 'You signed out.' })
    expect(await onPhone.probe()).toBe(true)
    onPhone.ws.close()
  })

  it('closes a socket whose upgrade was under way while its session signed out', async () => {
    let arrived = () => {}
    let release = () => {}
    const atBarrier = new Promise<void>((resolve) => (arrived = resolve))
    const released = new Promise<void>((resolve) => (release = resolve))
    server = await startTestServer({
      beforeSocketAccepted: async () => {
        arrived()
        await released
      },
    })
    const token = await startSession(server.url)
    const ws = new WebSocket(`${server.wsUrl}/almaty-declaration`, { headers: { Authorization: `Bearer ${token}` } })
    ws.on('error', () => undefined)
    const closed = new Promise<Closed>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))

    // The upgrade has passed its session check and waits; the sign-out finds no socket of that session yet.
    await atBarrier
    expect((await api(server.url, 'DELETE', '/api/session', { token })).status).toBe(204)
    release()

    expect(await closed).toEqual({ code: CloseCode.unauthorized, reason: 'Your session has ended; sign in again.' })
  })
})
