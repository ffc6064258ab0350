import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes, routeBody, routePath, type RouteIds } from '../../helpers/apiRoutes.js'
import { filesUnder } from '../../helpers/filesUnder.js'
import { rawRequest, upgradeHeaders, upgradeStatus } from '../../helpers/rawHttp.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

// The data folder sits alone inside a folder of its own, so anything written next to it, or one level further out
// under a name carrying PROBE, would show.
const PROBE = 'kelisim-probe'
let outer: string
let server: TestServer
let token: string

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'kelisim-names-'))
  server = await startTestServer({ dataDir: join(outer, 'data') })
  token = await startSession(server.url, 'chair')
})

afterAll(async () => {
  await server.destroy()
  await rm(outer, { recursive: true, force: true })
})

/**
 * Names refused everywhere, as raw path segments. tests/server/sync/refusals.test.ts covers the basic traversal,
 * case and separator forms on /sync; these add encodings of them, look-alikes and invisible characters.
 */
const badNames: [string, string][] = [
  ['a parent segment', '..'],
  ['an encoded parent segment', '%2e%2e'],
  ['an encoded parent path', `..%2F..%2F${PROBE}`],
  ['an encoded backslash path', `..%5C..%5C${PROBE}`],
  ['a double-encoded parent path', `%252e%252e%252f${PROBE}`],
  ['an overlong UTF-8 dot', `%C0%AE%C0%AE%2F${PROBE}`],
  ['a raw backslash', `..\\${PROBE}`],
  ['a colon', `c:${PROBE}`],
  ['NUL', `${PROBE}%00.ylog`],
  ['a file extension', `${PROBE}.ylog`],
  ['a dot file', `.${PROBE}`],
  ['uppercase', 'Almaty-Declaration'],
  ['a Cyrillic look-alike', '%D0%B0lmaty-declaration'],
  ['fullwidth letters', '%EF%BD%81lmaty-declaration'],
  ['a zero-width space', 'almaty%E2%80%8B-declaration'],
  ['a right-to-left override', '%E2%80%AEalmaty-declaration'],
  ['a lone surrogate', 'almaty%ED%A0%80'],
  ['malformed percent-encoding', 'almaty%ZZ'],
  ['a space', 'almaty%20declaration'],
  ['a doubled hyphen', 'almaty--declaration'],
  ['a leading hyphen', '-almaty-declaration'],
  ['65 characters', 'a'.repeat(65)],
  ['10 kB', 'a'.repeat(10_000)],
]

/** Routes that take a declaration name, with their ids; none of the other ids matter, as the name is checked first. */
const declarationRoutes = apiRoutes.filter((route) => route.path.includes(':name'))
const ids: RouteIds = {
  name: 'almaty-declaration',
  participantId: 'p',
  threadId: 't',
  commentId: 'c',
  versionId: 'v',
  invitationId: 'i',
  invitationToken: 'x',
  clauseId: 'abcdef',
  amendmentNumber: '1',
}

/** The names in the temp folder that carry the probe marker. */
async function probesInTmp(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.includes(PROBE))
}

describe('bad document names', () => {
  it.each(badNames)('%s is refused with 400 on /sync and on every route that takes a declaration name, writing nothing', async (_case, name) => {
    const before = await filesUnder(outer)
    const failures: string[] = []
    const upgrade = await rawRequest(server.port, 'GET', `/sync/${name}`, { headers: { Authorization: `Bearer ${token}`, ...upgradeHeaders } })
    if (upgrade.status !== 400) failures.push(`/sync: ${upgrade.status} ${upgrade.text.slice(0, 100)}`)
    for (const route of declarationRoutes) {
      const body = routeBody(route, ids)
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` }
      if (body) headers['Content-Type'] = 'application/json'
      const answer = await rawRequest(server.port, route.method, routePath(route, ids, { name }), { headers, body: body && JSON.stringify(body) })
      const error = (answer.json as { error?: unknown } | null)?.error
      if (answer.status !== 400 || typeof error !== 'string') failures.push(`${route.method} ${route.path}: ${answer.status} ${answer.text.slice(0, 100)}`)
    }
    expect(failures).toEqual([])
    expect(await filesUnder(outer)).toEqual(before)
    expect(await probesInTmp()).toEqual([])
  })

  it('the same routes answer the real name, so the refusals above are for the name alone', async () => {
    const answer = await rawRequest(server.port, 'GET', routePath(declarationRoutes[0]!, ids), { headers: { Authorization: `Bearer ${token}` } })
    expect(answer.status).toBe(200)
    expect(await upgradeStatus(server.port, '/sync/almaty-declaration', { Authorization: `Bearer ${token}` })).toBe(101)
  })
})
