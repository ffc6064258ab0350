import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest, type RawAnswer } from '../../helpers/rawHttp.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
let token: string
let script: string
let stylesheet: string

beforeAll(async () => {
  server = await startTestServer()
  token = await startSession(server.url)
  const shell = (await rawRequest(server.port, 'GET', '/')).text
  script = /<script[^>]* src="([^"]+)"/.exec(shell)?.[1] ?? ''
  stylesheet = /<link[^>]* href="([^"]+\.css)"/.exec(shell)?.[1] ?? ''
})

afterAll(() => server.destroy())

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | string[] | undefined): Map<string, string[]> {
  const policy = Array.isArray(header) ? header.join(';') : (header ?? '')
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  )
}

/** What is wrong with an answer's security headers, or an empty list. */
function headerProblems(answer: RawAnswer): string[] {
  const policy = directives(answer.headers['content-security-policy'])
  const problems: string[] = []
  if (policy.size === 0) return ['no Content-Security-Policy']
  // Without script-src, scripts fall back to default-src; both must allow only this origin.
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? []
  if (scripts.join(' ') !== "'self'") problems.push(`script-src is ${scripts.join(' ')}`)
  if ((policy.get('default-src') ?? []).join(' ') !== "'self'") problems.push('default-src is not self')
  for (const name of ['script-src-elem', 'script-src-attr']) if (policy.has(name)) problems.push(`${name} is set`)
  for (const [name, value] of [
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
  ]) {
    if ((policy.get(name!) ?? []).join(' ') !== value) problems.push(`${name} is not ${value}`)
  }
  if (answer.headers['x-content-type-options'] !== 'nosniff') problems.push('no nosniff')
  if (answer.headers['x-frame-options'] !== 'DENY') problems.push('no X-Frame-Options')
  return problems
}

describe('the Content-Security-Policy', () => {
  const bearer = () => ({ Authorization: `Bearer ${token}` })
  const requests: [string, () => [string, string, { headers?: Record<string, string>; body?: string }?]][] = [
    ['the app shell', () => ['GET', '/']],
    ['a declaration page', () => ['GET', '/d/almaty-declaration']],
    ['an invitation page', () => ['GET', '/invite/not-a-token']],
    ['an unknown page', () => ['GET', '/no-such-page']],
    ['the script bundle', () => ['GET', script]],
    ['the stylesheet', () => ['GET', stylesheet]],
    ['a missing asset', () => ['GET', '/assets/missing.js']],
    ['a traversal out of the assets', () => ['GET', '/assets/..%2f..%2fpackage.json']],
    ['malformed percent-encoding in a page path', () => ['GET', '/d/%ZZ']],
    ['a sync path without an upgrade', () => ['GET', '/sync/almaty-declaration']],
    ['a form post to a page', () => ['POST', '/d/almaty-declaration', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b' }]],
    ['health', () => ['GET', '/healthz']],
    ['metrics', () => ['GET', '/metrics']],
    ['an API answer', () => ['GET', '/api/declarations', { headers: bearer() }]],
    ['an API answer without a session', () => ['GET', '/api/declarations']],
    ['an unknown API route', () => ['GET', '/api/no-such-route', { headers: bearer() }]],
    ['malformed JSON', () => ['POST', '/api/session', { headers: { 'Content-Type': 'application/json' }, body: '{"login":' }]],
    ['a body over the limit', () => ['POST', '/api/session', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'x'.repeat(70_000) }) }]],
    ['a wrong Content-Type', () => ['POST', '/api/session', { headers: { 'Content-Type': 'text/plain' }, body: 'x' }]],
    ['a request from another site', () => ['POST', '/api/session', { headers: { 'Content-Type': 'application/json', Origin: 'https://elsewhere.example' }, body: '{}' }]],
    ['malformed percent-encoding in an API path', () => ['GET', '/api/invitations/%ZZ']],
    ['a HEAD request', () => ['HEAD', '/']],
    ['an OPTIONS request', () => ['OPTIONS', '/api/session']],
  ]

  it.each(requests)('is strict on %s', async (_case, request) => {
    const [method, path, options] = request()
    expect(path).toMatch(/^\//)
    const answer = await rawRequest(server.port, method, path, options)
    expect(headerProblems(answer)).toEqual([])
    if (answer.status >= 400 && method !== 'HEAD') expect(answer.json).toMatchObject({ error: expect.any(String), message: expect.any(String) })
  })

  it.each(['evil.example; script-src-elem *', "127.0.0.1 'unsafe-inline'", 'a,b'])('cannot be widened through the Host header %s', async (host) => {
    const answer = await rawRequest(server.port, 'GET', '/', { headers: { Host: host } })
    expect(headerProblems(answer)).toEqual([])
    const connect = directives(answer.headers['content-security-policy']).get('connect-src') ?? []
    expect(connect.join(' ')).toBe("'self'")
  })

  it('lets the app run without inline script: the shell loads its code from this origin only', async () => {
    const shell = (await rawRequest(server.port, 'GET', '/')).text
    expect(script).toMatch(/^\/assets\/.+\.js$/)
    expect(shell).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(shell).not.toMatch(/\son[a-z]+=/i)
  })
})
