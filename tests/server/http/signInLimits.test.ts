import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../../server/src/seed/demoAccounts.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
const base = '/api/declarations/almaty-declaration'
const signIn = (login: string, password: string, cookie?: string) => api(server.url, 'POST', '/api/session', { body: { login, password }, headers: cookie ? { Cookie: cookie } : {} })
const deviceCookieOf = (answer: { headers: Headers }) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith('kelisim_device_'))!.split(';')[0]!
const guess = async (login: string, times: number) => {
  for (let attempt = 0; attempt < times; attempt += 1) await signIn(login, `guess-${attempt}`)
}

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.destroy())

describe('failed sign-ins lock nobody out', () => {
  it("lets the right password through from a browser that signed in before, whatever a stranger's guesses", async () => {
    const earlier = await signIn('signatory-pol', DEMO_PASSWORD)
    expect(earlier.status).toBe(201)
    const device = deviceCookieOf(earlier)
    expect(earlier.headers.getSetCookie().find((cookie) => cookie.startsWith('kelisim_device_'))).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/)
    await guess('signatory-pol', 12)
    expect(await signIn('signatory-pol', DEMO_PASSWORD)).toMatchObject({ status: 429 })
    const [name, token] = device.split('=') as [string, string]
    expect(await signIn('signatory-pol', DEMO_PASSWORD, `${name}=${token.split('.')[0]}.forged`)).toMatchObject({ status: 429 })
    expect(await signIn('signatory-pol', DEMO_PASSWORD, device)).toMatchObject({ status: 201 })
  })

  it('slows a login down past the limit instead of locking it for 15 minutes', async () => {
    await guess('signatory-usa', 5)
    const paced = await signIn('signatory-usa', DEMO_PASSWORD)
    expect(paced).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } })
    const wait = Number(paced.headers.get('retry-after'))
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(60)
  })

  it('lets a single guess through per pause, however many arrive at once', async () => {
    await server.destroy()
    server = await startTestServer({ signInLimits: { perLogin: 3, maxPaceMs: 60_000 } })
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => signIn('observer-idn', `parallel-${index}`)))
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(4)
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(16)
  })

  it('lets a moderator clear the failed sign-ins of a member, and only a moderator', async () => {
    const chair = await startSession(server.url, 'chair')
    const { members } = (await api(server.url, 'GET', `${base}/participants`, { token: chair })).body as { members: { id: string; name: string }[] }
    const emily = members.find((member) => member.name === 'Emily Carter')!.id
    await guess('signatory-usa', 8)
    expect(await signIn('signatory-usa', DEMO_PASSWORD)).toMatchObject({ status: 429 })
    const editor = await startSession(server.url, 'editor-gbr')
    expect(await api(server.url, 'DELETE', `${base}/members/${emily}/sign-in-lock`, { token: editor })).toMatchObject({ status: 403 })
    expect(await api(server.url, 'DELETE', `${base}/members/${emily}/sign-in-lock`, { token: chair })).toMatchObject({ status: 200, body: { cleared: true } })
    expect(await signIn('signatory-usa', DEMO_PASSWORD)).toMatchObject({ status: 201 })
    expect(await api(server.url, 'DELETE', `${base}/members/nobody/sign-in-lock`, { token: chair })).toMatchObject({ status: 404, body: { error: 'unknown_member' } })
    const audit = (await api(server.url, 'GET', `${base}/audit`, { token: chair })).body as { entries: { action: string; details: { participant?: string } }[] }
    expect(audit.entries.at(-1)).toMatchObject({ action: 'sign_in_lock_cleared', details: { participant: emily } })
  })

  it('still limits one address guessing at many logins, except for browsers that signed in before', async () => {
    await server.destroy()
    server = await startTestServer({ signInLimits: { perAddress: 6 } })
    const device = deviceCookieOf(await signIn('editor-nga', DEMO_PASSWORD))
    for (const login of ['editor-kaz', 'editor-chn', 'secretariat']) await guess(login, 2)
    expect(await signIn('chair', DEMO_PASSWORD)).toMatchObject({ status: 429 })
    expect(await signIn('editor-nga', DEMO_PASSWORD, device)).toMatchObject({ status: 201 })
  })
})
