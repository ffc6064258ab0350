import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Member, ParticipantsView } from '../../../shared/api/schemas.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { apiRoutes, routeBody, routePath, type ApiRoute, type RouteIds } from '../../helpers/apiRoutes.js'
import { fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { filesUnder } from '../../helpers/filesUnder.js'
import { rawRequest, type RawAnswer } from '../../helpers/rawHttp.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
const tokens = new Map<string, string>()
let ids: RouteIds

/** Creates an invitation over the API and returns its id and the token from its link. */
async function invite(login: string): Promise<{ id: string; token: string }> {
  const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, {
    token: tokens.get('chair'),
    body: { name: 'Invited Person', login, delegation: 'GBR', role: 'observer' },
  })
  const body = answer.body as { id: string; link: string }
  return { id: body.id, token: body.link.split('/invite/')[1]! }
}

beforeAll(async () => {
  server = await startTestServer()
  for (const login of ['chair', 'editor-gbr', 'signatory-pol', 'observer-idn']) tokens.set(login, await startSession(server.url, login))
  const chair = tokens.get('chair')
  const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.1' } })
  const versionId = (frozen.body as { version: VersionSummary }).version.id
  const detail = (await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${versionId}`, { token: chair })).body as VersionDetail
  const firstClause = (JSON.parse(detail.serialized) as CanonicalText).blocks.find((block) => block.type === 'clause')
  const clauseId = firstClause && 'id' in firstClause ? String(firstClause.id) : ''
  const thread = (await api(server.url, 'POST', `/api/declarations/${DOC}/threads`, { token: tokens.get('editor-gbr'), body: { clauseId, body: 'First.' } })).body as ThreadView
  const view = (await api(server.url, 'GET', `/api/declarations/${DOC}/participants`, { token: chair })).body as ParticipantsView
  const observer = view.members.find((member: Member) => member.login === 'observer-egy')!
  const revoked = await invite('invited-one')
  const accepted = await invite('invited-two')
  const amendment = await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, {
    token: tokens.get('editor-gbr'),
    body: { change: { kind: 'paragraph.insert', after: clauseId, clauseKind: 'operative', content: [{ text: 'Invite all States to report.' }] } },
  })
  ids = {
    name: DOC,
    participantId: observer.id,
    threadId: thread.id,
    commentId: thread.comments[0]!.id,
    versionId,
    invitationId: revoked.id,
    invitationToken: accepted.token,
    clauseId,
    amendmentNumber: String((amendment.body as { number: number }).number),
  }
})

afterAll(() => server.destroy())

/** Everything stored: the files, and the declaration's text as its update log holds it (compaction rewrites the bytes). */
async function stored(): Promise<{ files: Record<string, string>; text: string }> {
  return { files: await filesUnder(server.dataDir), text: fragmentOf(await readStoredDocument(server.dataDir, DOC)).toString() }
}

/** One malformed request for a route: its name, the bytes sent and the headers they are sent with. */
interface BadRequest {
  name: string
  body: Buffer | string
  contentType: string | null
}

const JSON_TYPE = 'application/json'

/** The string values of a body, each with a function that rebuilds the body with that value replaced. */
function stringLeaves(value: unknown, rebuild: (next: unknown) => unknown, path: string[] = []): { path: string; field: string; replace: (next: unknown) => unknown; value: string }[] {
  if (typeof value === 'string') return [{ path: path.join('.'), field: path[0] ?? '', replace: rebuild, value }]
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, (next) => rebuild({ ...value, [key]: next }), [...path, key]))
}

/** The body as JSON with one string replaced by raw text: an escape JSON.stringify would not write, or bytes. */
function spliced(replace: (next: unknown) => unknown, raw: Buffer): Buffer {
  const marker = 'SPLICE-HERE'
  const [before, after] = JSON.stringify(replace(marker)).split(marker) as [string, string]
  return Buffer.concat([Buffer.from(before), raw, Buffer.from(after)])
}

/** Derives the bad requests for a route from its valid body; routes without a body still get bodies they must refuse. */
function badRequests(route: ApiRoute, valid: Record<string, unknown> | undefined): BadRequest[] {
  const json = (name: string, body: unknown) => ({ name, body: JSON.stringify(body), contentType: JSON_TYPE })
  const shape = valid ?? { unexpected: 'body' }
  const requests: BadRequest[] = [
    { name: 'malformed JSON', body: '{"body": ', contentType: JSON_TYPE },
    { name: 'a body over the size limit', body: JSON.stringify({ ...shape, padding: 'x'.repeat(70_000) }), contentType: JSON_TYPE },
    { name: 'text/plain', body: JSON.stringify(shape), contentType: 'text/plain' },
    { name: 'a form post', body: 'body=text&role=moderator', contentType: 'application/x-www-form-urlencoded' },
    { name: 'no Content-Type', body: JSON.stringify(shape), contentType: null },
    { name: 'JSON in UTF-16', body: Buffer.from(JSON.stringify(shape), 'utf16le'), contentType: `${JSON_TYPE}; charset=utf-16le` },
    { name: 'invalid UTF-8', body: Buffer.concat([Buffer.from('{"body": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), contentType: JSON_TYPE },
  ]
  if (!valid) return requests
  requests.push(
    json('a JSON array', [valid]),
    json('JSON null', null),
    json('a JSON string', 'text'),
    json('an extra field', { ...valid, unexpected: true }),
    { name: 'a __proto__ field', body: `{"__proto__": {"role": "moderator"}, ${JSON.stringify(valid).slice(1)}`, contentType: JSON_TYPE },
  )
  for (const [key, value] of Object.entries(valid)) {
    if (!route.optional?.includes(key)) {
      const { [key]: _left, ...rest } = valid
      requests.push(json(`${key} missing`, rest))
    }
    requests.push(json(`${key} of the wrong type`, { ...valid, [key]: typeof value === 'string' ? 42 : 'text' }))
    requests.push(json(`${key} as a list`, { ...valid, [key]: [value] }))
    requests.push(json(`${key} as null`, { ...valid, [key]: null }))
  }
  for (const leaf of stringLeaves(valid, (next) => next)) {
    requests.push(json(`NUL in ${leaf.path}`, leaf.replace(`${leaf.value}\u0000`)))
    requests.push(json(`a C0 control in ${leaf.path}`, leaf.replace(`${leaf.value}\u0007`)))
    requests.push({ name: `a lone surrogate in ${leaf.path}`, body: spliced(leaf.replace, Buffer.from(`${leaf.value}\\ud800`)), contentType: JSON_TYPE })
    requests.push({ name: `invalid UTF-8 in ${leaf.path}`, body: spliced(leaf.replace, Buffer.concat([Buffer.from(leaf.value), Buffer.from([0xed, 0xa0, 0x80])])), contentType: JSON_TYPE })
    requests.push(json(`10,000 characters in ${leaf.path}`, leaf.replace(leaf.value + 'x'.repeat(10_000))))
    if (!route.text?.includes(leaf.field)) {
      // Codes, ids, roles and logins: hard Unicode makes no sense in them.
      requests.push(json(`a right-to-left override in ${leaf.path}`, leaf.replace(`\u202e${leaf.value}`)))
      requests.push(json(`a combining mark in ${leaf.path}`, leaf.replace(`${leaf.value}\u0301`)))
      requests.push(json(`an emoji in ${leaf.path}`, leaf.replace(`${leaf.value}😀`)))
    }
  }
  return requests
}

/** What is wrong with an answer to a bad request, or null when it is a JSON 4xx with `{error, message}`. */
function problemWith(answer: RawAnswer): string | null {
  if (answer.status < 400 || answer.status >= 500) return `status ${answer.status}: ${answer.text.slice(0, 200)}`
  const body = answer.json as { error?: unknown; message?: unknown } | null
  if (typeof body?.error !== 'string' || typeof body.message !== 'string') return `status ${answer.status} without {error, message}: ${answer.text.slice(0, 200)}`
  if (!String(answer.headers['content-type']).startsWith(JSON_TYPE)) return `status ${answer.status} as ${answer.headers['content-type']}`
  return null
}

const label = (route: ApiRoute) => `${route.method} ${route.path}`

describe('every route answers bad input with a JSON 4xx and stores nothing', () => {
  it.each(apiRoutes.filter((route) => route.method !== 'GET').map((route) => [label(route), route] as const))('%s', async (_label, route) => {
    const before = await stored()
    const failures: string[] = []
    for (const bad of badRequests(route, routeBody(route, ids))) {
      const headers: Record<string, string> = { 'Content-Length': String(Buffer.byteLength(bad.body)) }
      if (bad.contentType) headers['Content-Type'] = bad.contentType
      if (route.as) headers.Authorization = `Bearer ${tokens.get(route.as)}`
      const answer = await rawRequest(server.port, route.method, routePath(route, ids), { headers, body: bad.body })
      const problem = problemWith(answer)
      if (problem) failures.push(`${bad.name}: ${problem}`)
    }
    expect(failures).toEqual([])
    expect(await stored()).toEqual(before)
  })

  it.each(
    apiRoutes
      .filter((route) => /:(participantId|threadId|commentId|versionId|invitationId|invitationToken|amendmentNumber)/.test(route.path))
      .map((route) => [label(route), route] as const),
  )('%s with malformed or hostile ids in its path', async (_label, route) => {
    const before = await stored()
    const failures: string[] = []
    const hostile = ['%ZZ', '%E0%A4%A', '%00', '%ED%A0%80', '..%2F..%2Fkelisim.json', '%u202e', 'x'.repeat(4_000)]
    for (const id of hostile) {
      const overrides = { participantId: id, threadId: id, commentId: id, versionId: id, invitationId: id, invitationToken: id, amendmentNumber: id }
      const headers: Record<string, string> = route.as ? { Authorization: `Bearer ${tokens.get(route.as)}` } : {}
      const body = routeBody(route, ids)
      if (body) headers['Content-Type'] = JSON_TYPE
      const answer = await rawRequest(server.port, route.method, routePath(route, ids, overrides), { headers, body: body && JSON.stringify(body) })
      const problem = problemWith(answer)
      if (problem) failures.push(`${id.slice(0, 20)}: ${problem}`)
    }
    expect(failures).toEqual([])
    expect(await stored()).toEqual(before)
  })

  it('a redline with hostile query parameters', async () => {
    const failures: string[] = []
    for (const query of ['', '?from=live', '?from[]=a&to=live', '?from=%00&to=live', '?from=%ZZ&to=live', `?from=${'a'.repeat(5_000)}&to=live`, '?from=a&from=b&to=live']) {
      const answer = await rawRequest(server.port, 'GET', `/api/declarations/${DOC}/redline${query}`, { headers: { Authorization: `Bearer ${tokens.get('chair')}` } })
      const problem = problemWith(answer)
      if (problem) failures.push(`${query}: ${problem}`)
    }
    expect(failures).toEqual([])
  })

  it('headers too large for the server to parse', async () => {
    const answer = await rawRequest(server.port, 'GET', '/api/declarations', { headers: { 'X-Padding': 'a'.repeat(20_000) } })
    expect(answer.status).toBe(431)
    expect(answer.json).toEqual({ error: 'headers_too_large', message: expect.any(String) })
  })
})

describe('hard Unicode where it is valid text', () => {
  // Arabic with a right-to-left mark, an emoji with a skin tone, a person emoji joined with ZWJ, an astral letter,
  // Cyrillic, Chinese, and "é" as e + combining acute, which is stored in its composed (NFC) form.
  const hard = 'ليلى حسن\u200f 👋🏽 🧑\u200d🏫 𝕏 Ержан 李伟 Cafe\u0301'
  const normalized = hard.normalize('NFC')

  it('is stored and returned exactly, in NFC, in comments', async () => {
    const token = tokens.get('editor-gbr')
    const created = await api(server.url, 'POST', `/api/declarations/${DOC}/threads`, { token, body: { clauseId: ids.clauseId, body: `${hard}\n<b>bold?</b>` } })
    expect(created.status).toBe(201)
    const thread = created.body as ThreadView
    expect(thread.comments[0]!.body).toBe(`${normalized}\n<b>bold?</b>`)
    const listed = (await api(server.url, 'GET', `/api/declarations/${DOC}/threads`, { token })).body as ThreadView[]
    expect(listed.find((candidate) => candidate.id === thread.id)?.comments[0]!.body).toBe(`${normalized}\n<b>bold?</b>`)
  })

  it('is stored and returned exactly, in NFC, in names, notes and passwords', async () => {
    const chair = tokens.get('chair')
    const delegation = await api(server.url, 'POST', '/api/delegations', { token: chair, body: { code: 'CIV', name: `Côte d’Ivoire ${hard}`, color: '#ff8800' } })
    expect(delegation).toMatchObject({ status: 201, body: { name: `Côte d’Ivoire ${normalized}` } })
    const invited = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, { token: chair, body: { name: hard, login: 'observer-civ', delegation: 'CIV', role: 'observer' } })
    expect(invited).toMatchObject({ status: 201, body: { name: normalized } })
    const view = (await api(server.url, 'GET', `/api/declarations/${DOC}/participants`, { token: chair })).body as ParticipantsView
    expect(view.invitations.find((invitation) => invitation.login === 'observer-civ')?.name).toBe(normalized)
    const password = `${hard} كلمة`
    const link = (invited.body as { link: string }).link
    expect((await api(server.url, 'POST', `/api/invitations/${link.split('/invite/')[1]}/accept`, { body: { password } })).status).toBe(201)
    expect(await startSession(server.url, 'observer-civ', password)).toMatch(/.+/)
    const version = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'مسودة 🌍 Cafe\u0301', note: `${hard}\nline two` } })
    expect(version).toMatchObject({ status: 201, body: { version: { name: 'مسودة 🌍 Café', note: `${normalized}\nline two` } } })
  })
})

describe('hard Unicode where it is not valid', () => {
  it.each([
    ['a right-to-left override', 'Evil\u202eName'],
    ['a directional isolate', '\u2066Evil Name'],
    ['a zero-width space', 'Evil\u200bName'],
    ['a byte order mark', 'Evil\ufeffName'],
    ['a tag character', 'Evil Name\u{e0041}'],
  ])('names refuse %s, which hides or reorders what is shown around them', async (_case, name) => {
    const before = await stored()
    const invited = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, { token: tokens.get('chair'), body: { name, login: 'hidden-name', delegation: 'GBR', role: 'observer' } })
    expect(invited).toMatchObject({ status: 400, body: { error: 'invalid_body', message: expect.stringContaining('name') } })
    expect(await stored()).toEqual(before)
  })
})

describe('the valid request of every route', () => {
  it('is accepted, so each refusal above is for what was wrong with it', async () => {
    const statuses: string[] = []
    for (const route of apiRoutes) {
      const body = routeBody(route, ids)
      const answer = await api(server.url, route.method, routePath(route, ids), { token: route.as ? tokens.get(route.as) : undefined, body })
      statuses.push(`${label(route)} ${answer.status}`)
    }
    expect(statuses).toEqual(apiRoutes.map((route) => `${label(route)} ${route.ok}`))
  })
})
