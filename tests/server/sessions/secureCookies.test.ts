import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnvironment } from '../../../server/src/config.js'
import { DEMO_PASSWORD } from '../../../server/src/seed/demoAccounts.js'
import type { RunningServer } from '../../../server/src/startServer.js'
import { api } from '../../helpers/api.js'
import { startConfiguredServer } from '../../helpers/configuredServer.js'
import { clientDir } from '../../helpers/testServer.js'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

async function serverWith(environment: Record<string, string>): Promise<RunningServer> {
  const server = await startConfiguredServer(environment)
  cleanups.push(() => server.destroy())
  return server
}

const signIn = (server: RunningServer, origin: string) =>
  api(server.url, 'POST', '/api/session', { body: { login: 'chair', password: DEMO_PASSWORD }, headers: { Origin: origin } })

describe('session cookies behind an HTTPS proxy', () => {
  it('are Secure when PUBLIC_URL is https://, and pages from that address may sign in and out', async () => {
    const server = await serverWith({ PUBLIC_URL: 'https://kelisim.example/' })
    const signedIn = await signIn(server, 'https://kelisim.example')
    expect(signedIn.status).toBe(201)
    expect(signedIn.headers.get('set-cookie')).toMatch(/; Secure/)
    const token = (signedIn.body as { token: string }).token
    const signedOut = await api(server.url, 'DELETE', '/api/session', { token, headers: { Origin: 'https://kelisim.example' } })
    expect(signedOut.status).toBe(204)
    expect(signedOut.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('are not Secure without PUBLIC_URL, and other origins stay refused', async () => {
    const server = await serverWith({})
    const signedIn = await signIn(server, server.url)
    expect(signedIn.status).toBe(201)
    expect(signedIn.headers.get('set-cookie')).not.toMatch(/Secure/)
    expect((await signIn(server, 'https://kelisim.example')).status).toBe(403)
  })

  it('refuses a PUBLIC_URL that is not an http(s) address, with a readable message', () => {
    expect(() => configFromEnvironment({ PUBLIC_URL: 'kelisim.example' }, clientDir)).toThrow(/Invalid configuration: PUBLIC_URL/)
    expect(() => configFromEnvironment({ PUBLIC_URL: 'ftp://kelisim.example' }, clientDir)).toThrow(/Invalid configuration: PUBLIC_URL/)
  })
})
