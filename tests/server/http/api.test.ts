import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.destroy())

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init)
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

const post = (body: string) => call('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
const sessionsOnDisk = async () => (JSON.parse(await readFile(join(server.dataDir, 'kelisim.json'), 'utf8')) as { sessions: unknown[] }).sessions.length

describe('the session API', () => {
  it('starts a session from a name in any script and a known delegation, with an httpOnly cookie', async () => {
    const response = await post(JSON.stringify({ name: '  Nurlan Äbdirov — 努尔兰 — نورلان  ', delegation: 'KAZ' }))
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ identity: { name: 'Nurlan Äbdirov — 努尔兰 — نورلان', delegation: { code: 'KAZ' } } })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/kelisim_session=[^;]+; .*HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const me = await call('/api/session', { headers: { Cookie: cookie.split(';')[0]! } })
    expect(me.body).toMatchObject({ name: 'Nurlan Äbdirov — 努尔兰 — نورلان' })
    const token = (response.body as { token: string }).token
    expect(await readFile(join(server.dataDir, 'kelisim.json'), 'utf8')).not.toContain(token)
  })

  it.each([
    ['malformed JSON', '{"name": ', 'entity_parse_failed'],
    ['a missing name', JSON.stringify({ delegation: 'KAZ' }), 'invalid_body'],
    ['a wrong type', JSON.stringify({ name: 5, delegation: 'KAZ' }), 'invalid_body'],
    ['an extra field', JSON.stringify({ name: 'A', delegation: 'KAZ', role: 'moderator' }), 'invalid_body'],
    ['an empty name', JSON.stringify({ name: '   ', delegation: 'KAZ' }), 'invalid_body'],
    ['a NUL in the name', JSON.stringify({ name: 'A\u0000B', delegation: 'KAZ' }), 'invalid_body'],
    ['a bidi override in the name', JSON.stringify({ name: 'A\u202eB', delegation: 'KAZ' }), 'invalid_body'],
    ['an unknown delegation', JSON.stringify({ name: 'A', delegation: 'XYZ' }), 'unknown_delegation'],
    ['a huge body', JSON.stringify({ name: 'A'.repeat(100_000), delegation: 'KAZ' }), 'entity_too_large'],
  ])('refuses %s with a JSON 4xx and stores nothing', async (_case, body, code) => {
    const before = await sessionsOnDisk()
    const response = await post(body)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(response.body).toMatchObject({ error: code, message: expect.any(String) })
    expect(await sessionsOnDisk()).toBe(before)
  })
})

describe('the declarations API', () => {
  it('needs a session', async () => {
    const response = await call('/api/declarations')
    expect(response.status).toBe(401)
    expect(response.body).toMatchObject({ error: 'unauthenticated' })
  })

  it('lists the seeded declaration, and answers 404 and 400 in JSON', async () => {
    const started = await post(JSON.stringify({ name: 'Reader', delegation: 'GBR' }))
    const auth = { headers: { Authorization: `Bearer ${(started.body as { token: string }).token}` } }
    const list = await call('/api/declarations', auth)
    expect(list.body).toEqual([
      { name: 'almaty-declaration', title: 'Almaty Declaration on Inclusive Education', createdAt: expect.any(String) },
    ])
    expect((await call('/api/declarations/no-such-thing', auth)).status).toBe(404)
    expect((await call('/api/declarations/Bad_Name', auth)).body).toMatchObject({ error: 'bad_document_name' })
    expect((await call('/api/nothing-here', auth)).body).toMatchObject({ error: 'not_found' })
  })

  it('lists delegations without a session, for the join form', async () => {
    const response = await call('/api/delegations')
    expect(response.status).toBe(200)
    expect(response.body).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'KAZ', name: 'Kazakhstan' })]))
  })
})
