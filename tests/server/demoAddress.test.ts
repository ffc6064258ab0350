import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnvironment, demoNotice } from '../../server/src/config.js'
import { DEMO_PASSWORD } from '../../server/src/seed/demoAccounts.js'
import { api } from '../helpers/api.js'
import { startConfiguredServer } from '../helpers/configuredServer.js'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

const demoOn = (environment: Record<string, string>) => configFromEnvironment(environment, '').demo

async function demoAnswers(environment: Record<string, string>): Promise<{ signIn: number; accounts: number }> {
  const server = await startConfiguredServer(environment)
  cleanups.push(() => server.destroy())
  // Bound to every address, the server is reached here through loopback.
  const base = `http://127.0.0.1:${server.port}`
  const signIn = await api(base, 'POST', '/api/session', { body: { login: 'chair', password: DEMO_PASSWORD } })
  return { signIn: signIn.status, accounts: (await api(base, 'GET', '/api/demo/accounts')).status }
}

describe('the demo and the address the server listens on', () => {
  it('is on by default on loopback, whatever NODE_ENV says, and DEMO=0 turns it off', () => {
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1']) expect(demoOn({ HOST: host })).toBe(true)
    expect(demoOn({})).toBe(true)
    expect(demoOn({ NODE_ENV: 'production' })).toBe(true)
    expect(demoOn({ HOST: '127.0.0.1', DEMO: '0' })).toBe(false)
  })

  it('is off by default on any other address, and needs an explicit DEMO=1 there', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'kelisim.example']) {
      expect(demoOn({ HOST: host })).toBe(false)
      expect(demoOn({ HOST: host, DEMO: '1' })).toBe(true)
    }
    expect(demoOn({ HOST: '0.0.0.0', NODE_ENV: 'development' })).toBe(false)
  })

  it('says at start why the demo is off on a reachable address, and warns when DEMO=1 seeds it there', () => {
    expect(demoNotice(configFromEnvironment({ HOST: '0.0.0.0' }, ''))).toMatch(/demo is off: HOST 0\.0\.0\.0 is not a loopback address.*Set DEMO=1/)
    expect(demoNotice(configFromEnvironment({ HOST: '0.0.0.0', DEMO: '1' }, ''))).toMatch(/DEMO=1: demo accounts with a published password are seeded/)
    expect(demoNotice(configFromEnvironment({ HOST: '127.0.0.1' }, ''))).toBeNull()
  })

  it('seeds no demo moderator on 0.0.0.0 unless DEMO=1', async () => {
    expect(await demoAnswers({ HOST: '0.0.0.0' })).toEqual({ signIn: 401, accounts: 404 })
    expect(await demoAnswers({ HOST: '0.0.0.0', DEMO: '1' })).toEqual({ signIn: 201, accounts: 200 })
  })
})
