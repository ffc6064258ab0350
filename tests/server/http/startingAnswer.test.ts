import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startingApp } from '../../../server/src/http/startingApp.js'
import { capturedLogger } from '../../helpers/logCapture.js'

let server: Server
let url: string

beforeAll(async () => {
  server = createServer(startingApp(capturedLogger().log))
  // Binding to port 0 ends up on a random free port.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the answer while the server starts', () => {
  it('is a 503 to try again in a second, as JSON in the language the browser asks for', async () => {
    for (const [language, message] of [
      ['ru', 'Сервер запускается; повторите попытку через несколько секунд.'],
      ['kk-KZ', 'Сервер іске қосылып жатыр; бірнеше секундтан кейін қайталаңыз.'],
      ['en', 'The server is starting; try again in a moment.'],
    ] as const) {
      const response = await fetch(`${url}/api/declarations`, { headers: { 'Accept-Language': language } })
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('1')
      expect(await response.json()).toEqual({ error: 'starting', message })
    }
  })
})
