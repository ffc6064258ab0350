import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../../server/src/seed/demoAccounts.js'
import { api } from '../../helpers/api.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const TABS = 8
let server: TestServer
let decided = 0
let allDecided = () => {}
const everyAdmissionDecided = new Promise<void>((resolve) => (allDecided = resolve))

beforeAll(async () => {
  server = await startTestServer({
    hooks: {
      // Every tab is admitted or refused before any password is checked, as when the checks are slower than the tabs.
      afterSignInAdmission: async () => {
        decided += 1
        if (decided === TABS) allDecided()
        await everyAdmissionDecided
      },
    },
  })
})
afterAll(() => server.destroy())

describe('several right sign-ins to one login at once', () => {
  it('never tells a right password that wrong ones were given: 8 tabs signing in together either get in or are asked to retry in a second', async () => {
    const answers = await Promise.all(Array.from({ length: TABS }, () => api(server.url, 'POST', '/api/session', { body: { login: 'editor-gbr', password: DEMO_PASSWORD } })))
    const messages = answers.map((answer) => (answer.body as { message?: string }).message ?? '')
    expect(messages.filter((message) => /wrong password/i.test(message)), JSON.stringify(messages)).toEqual([])
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThan(0)
    for (const answer of answers.filter((refused) => refused.status !== 201)) {
      expect(answer).toMatchObject({ status: 429, body: { error: 'too_many_attempts', message: expect.stringMatching(/being checked at this moment; try again in a second\./) } })
      expect(answer.headers.get('retry-after')).toBe('1')
    }
    // The right passwords cleared the count: the next sign-in goes straight through.
    expect((await api(server.url, 'POST', '/api/session', { body: { login: 'editor-gbr', password: DEMO_PASSWORD } })).status).toBe(201)
  })
})
