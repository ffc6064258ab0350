import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { capturedLogger } from '../helpers/logCapture.js'
import { startTestServer } from '../helpers/testServer.js'

describe('structured logs', () => {
  it('write one JSON line per event, and only so many of one event per window, then the count of the rest', async () => {
    const { log, lines } = capturedLogger({ linesPerWindow: 3, windowMs: 100 })
    for (let n = 0; n < 50; n += 1) log.warn('sync_message_refused', { connection: `c${n}` })
    log.info('listening', { port: 1 })
    expect(lines.map((line) => line.event)).toEqual(['sync_message_refused', 'sync_message_refused', 'sync_message_refused', 'listening'])
    expect(lines[0]).toMatchObject({ level: 'warn', connection: 'c0', time: expect.any(String) })
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(lines.at(-1)).toMatchObject({ event: 'log_suppressed', suppressedEvent: 'sync_message_refused', count: 47 })
    log.warn('sync_message_refused', { connection: 'again' })
    expect(lines.at(-1)).toMatchObject({ connection: 'again' })
  })

  it('carry the id of the request they were written for, which the answer names too', async () => {
    const { log, lines } = capturedLogger()
    const server = await startTestServer({ log })
    try {
      const answer = await api(server.url, 'GET', '/api/declarations/almaty-declaration')
      const id = answer.headers.get('x-request-id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(lines.find((line) => line.event === 'access_denied')).toMatchObject({ request: id, status: 401 })
    } finally {
      await server.destroy()
    }
  })
})
