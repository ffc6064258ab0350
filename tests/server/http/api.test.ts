import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../../server/src/seed/demoAccounts.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.destroy())

const stored = async () => readFile(join(server.dataDir, 'kelisim.json'), 'utf8')
const signIn = (body: unknown, headers: Record<string, string> = {}) => api(server.url, 'POST', '/api/session', { body, headers })

describe('signing in', () => {
  it('answers a token, sets an httpOnly SameSite cookie, and stores neither password nor token in clear', async () => {
    const answer = await signIn({ login: 'editor-chn', password: DEMO_PASSWORD })
    expect(answer.status).toBe(201)
    const { token } = answer.body as { token: string }
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^kelisim_session=[^;]+;.*HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Expires=/)
    const me = await api(server.url, 'GET', '/api/session', { headers: { Cookie: cookie.split(';')[0]! } })
    expect(me.body).toMatchObject({ identity: { login: 'editor-chn', name: '李伟', delegation: { code: 'CHN' } }, roles: { 'almaty-declaration': 'editor' } })
    const data = await stored()
    expect(data).not.toContain(token)
    expect(data).not.toContain(DEMO_PASSWORD)
    expect(data).toMatch(/"passwordHash": "scrypt\$/)
  })

  it('refuses a wrong password and an unknown login alike', async () => {
    const wrong = await signIn({ login: 'editor-gbr', password: 'not-the-password' })
    const unknown = await signIn({ login: 'nobody-here', password: 'whatever-it-is' })
    expect(wrong).toMatchObject({ status: 401, body: { error: 'bad_credentials' } })
    expect(unknown).toMatchObject({ status: 401, body: { error: 'bad_credentials' } })
  })

  it('rate-limits repeated failures for a login', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn({ login: 'signatory-usa', password: `guess-${attempt}` })).status).toBe(401)
    }
    const limited = await signIn({ login: 'signatory-usa', password: DEMO_PASSWORD })
    expect(limited).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it.each([
    ['malformed JSON', '{"login": ', 'entity_parse_failed'],
    ['a missing password', JSON.stringify({ login: 'chair' }), 'invalid_body'],
    ['a wrong type', JSON.stringify({ login: 5, password: 'x' }), 'invalid_body'],
    ['an extra field', JSON.stringify({ login: 'chair', password: 'x', role: 'moderator' }), 'invalid_body'],
    ['a huge body', JSON.stringify({ login: 'chair', password: 'x'.repeat(100_000) }), 'entity_too_large'],
    ['an array', '[]', 'invalid_body'],
    ['NUL and right-to-left marks', JSON.stringify({ login: 'ch\u0000air\u202e', password: 'مرحبا\u0301😀' }), 'bad_credentials'],
  ])('answers %s with a JSON 4xx, storing nothing', async (_case, rawBody, code) => {
    const before = await stored()
    const answer = await api(server.url, 'POST', '/api/session', { rawBody })
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(answer.body).toMatchObject({ error: code, message: expect.any(String) })
    expect(await stored()).toBe(before)
  })

  it('refuses a form post from another site', async () => {
    const answer = await api(server.url, 'POST', '/api/session', {
      rawBody: JSON.stringify({ login: 'chair', password: DEMO_PASSWORD }),
      headers: { Origin: 'https://evil.example' },
    })
    expect(answer).toMatchObject({ status: 403, body: { error: 'cross_site_request' } })
  })
})

describe('signing out', () => {
  it('ends one session, or every session of the person', async () => {
    const first = await startSession(server.url, 'editor-nga')
    const second = await startSession(server.url, 'editor-nga')
    expect((await api(server.url, 'DELETE', '/api/session', { token: first })).status).toBe(204)
    expect((await api(server.url, 'GET', '/api/session', { token: first })).status).toBe(401)
    expect((await api(server.url, 'GET', '/api/session', { token: second })).status).toBe(200)
    const third = await startSession(server.url, 'editor-nga')
    expect((await api(server.url, 'DELETE', '/api/session/all', { token: second })).status).toBe(204)
    expect((await api(server.url, 'GET', '/api/session', { token: third })).status).toBe(401)
  })

  it('expires sessions', async () => {
    const shortLived = await startTestServer({ sessionTtlMs: 300 })
    try {
      const token = await startSession(shortLived.url)
      expect((await api(shortLived.url, 'GET', '/api/session', { token })).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(await api(shortLived.url, 'GET', '/api/session', { token })).toMatchObject({ status: 401, body: { error: 'unauthenticated' } })
    } finally {
      await shortLived.destroy()
    }
  })
})

describe('every page', () => {
  it.each(['/', '/d/almaty-declaration', '/api/declarations', '/healthz', '/no-such-page'])('%s carries a strict Content-Security-Policy', async (path) => {
    const response = await fetch(`${server.url}${path}`)
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toMatch(/script-src[^;]*unsafe/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers unknown API routes with JSON 404', async () => {
    const token = await startSession(server.url)
    expect(await api(server.url, 'GET', '/api/nothing-here', { token })).toMatchObject({ status: 404, body: { error: 'not_found' } })
  })
})
