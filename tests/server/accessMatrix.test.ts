import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes.js'
import { api } from '../helpers/api.js'
import { clauseIdAt } from '../helpers/commentAnchors.js'
import { clauseText } from '../helpers/declarationText.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../helpers/syncClients.js'
import { breakStatementFor, currentSilence, signStatement } from '../helpers/silence.js'
import { registeredKey } from '../helpers/signing.js'
import { startTestServer, type TestServer } from '../helpers/testServer.js'

const DOC = 'almaty-declaration'
const EVIL = 'https://evil.example'

type Principal = 'moderator' | 'editor' | 'signatory' | 'observer' | 'no session' | 'expired session' | 'revoked session' | 'wrong origin'
const logins: Partial<Record<Principal, string>> = { moderator: 'chair', editor: 'editor-gbr', signatory: 'signatory-pol', observer: 'observer-idn' }
const principals: Principal[] = ['moderator', 'editor', 'signatory', 'observer', 'no session', 'expired session', 'revoked session', 'wrong origin']

let server: TestServer
let expiredToken: string
let firstClauseId: string
/** A valid amendment body: a new paragraph after the first, which stays valid however many are accepted. */
let proposal: unknown
let counter = 0
const unique = () => (counter += 1)

beforeAll(async () => {
  server = await startTestServer({ sessionTtlMs: 2_000 })
  expiredToken = await startSession(server.url, 'editor-nga')
  const probe = connectClient(server.wsUrl, DOC, expiredToken)
  await whenSynced(probe)
  firstClauseId = clauseIdAt(probe.text, 0)
  proposal = { change: { kind: 'paragraph.insert', after: firstClauseId, clauseKind: 'preambular', content: [{ text: 'Noting', marks: ['italic'] }, { text: ' the work done,', marks: [] }] } }
  probe.destroy()
  await new Promise((resolve) => setTimeout(resolve, 2_100))
})
afterAll(() => server.destroy())

/** Headers that present the principal as a browser or a client would. */
async function credentials(principal: Principal): Promise<Record<string, string>> {
  switch (principal) {
    case 'no session':
      return {}
    case 'expired session':
      return { Authorization: `Bearer ${expiredToken}` }
    case 'revoked session': {
      const token = await startSession(server.url, 'editor-kaz')
      await api(server.url, 'DELETE', '/api/session', { token })
      return { Authorization: `Bearer ${token}` }
    }
    case 'wrong origin': {
      const token = await startSession(server.url, 'chair')
      return { Cookie: `kelisim_session=${token}`, Origin: EVIL }
    }
    default:
      return { Authorization: `Bearer ${await startSession(server.url, logins[principal])}` }
  }
}

const moderatorToken = () => startSession(server.url, 'chair')

/** A fresh invitation made by the moderator, as a target for member and invitation routes. */
async function freshInvitation(): Promise<{ participantId: string; invitationId: string }> {
  const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, {
    token: await moderatorToken(),
    body: { name: 'Target Person', login: `target-${unique()}`, delegation: 'NGA', role: 'editor' },
  })
  const body = answer.body as { id: string }
  const members = await api(server.url, 'GET', `/api/declarations/${DOC}/participants`, { token: await moderatorToken() })
  const participant = (members.body as { members: { id: string; login: string }[] }).members.find((member) => member.login === `target-${counter}`)
  return { participantId: participant!.id, invitationId: body.id }
}

interface Route {
  label: string
  method: string
  path: string | (() => Promise<string>)
  body?: () => unknown
  allowed: readonly Principal[]
  /** Puts back what the request changed, so later routes find the declaration as before. */
  after?: () => Promise<void>
}

const everyone = ['moderator', 'editor', 'signatory', 'observer'] as const
const moderators = ['moderator'] as const
const commenters = ['moderator', 'editor', 'signatory'] as const
const delegates = ['editor', 'signatory'] as const

/** A fresh pending amendment proposed by Kazakhstan, a delegation no principal below belongs to but the moderator. */
async function freshAmendment(): Promise<number> {
  const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, { token: await startSession(server.url, 'editor-kaz'), body: proposal })
  return (answer.body as { number: number }).number
}

/** A fresh open bracket over the whole first paragraph, placed by the moderator. */
async function freshBracket(): Promise<string> {
  const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/brackets`, { token: await moderatorToken(), body: { kind: 'bracket', clauseId: firstClauseId, requestedBy: ['KAZ'] } })
  return (answer.body as { id: string }).id
}

/** The version the silence route opens a silence on, frozen and locked just before it; and a break of that silence signed by Poland's signatory. */
let lockedForSilence = ''
let signedBreak: unknown

// Sessions here last two seconds, so each setup call signs in afresh.
async function lockForSilence(): Promise<string> {
  const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: await moderatorToken(), body: { name: `Rev.${unique()}` } })
  lockedForSilence = (frozen.body as { version: { id: string } }).version.id
  await api(server.url, 'POST', `/api/declarations/${DOC}/versions/${lockedForSilence}/lock`, { token: await moderatorToken() })
  return `/api/declarations/${DOC}/silence`
}

const unlockAfterSilence = async () => {
  await api(server.url, 'POST', `/api/declarations/${DOC}/versions/unlock`, { token: await moderatorToken(), body: { name: `Rev.${unique()}` } })
}

async function signBreak(): Promise<string> {
  const poland = () => startSession(server.url, 'signatory-pol')
  const { identity } = (await api(server.url, 'GET', '/api/session', { token: await poland() })).body as { identity: Parameters<typeof breakStatementFor>[0] }
  const key = await registeredKey(server.url, await poland())
  // Unlocking withdraws a silence, so each break gets one of its own, on a version locked for it.
  if ((await currentSilence(server.url, await poland()))?.state !== 'running') {
    await api(server.url, 'POST', await lockForSilence(), { token: await moderatorToken(), body: { versionId: lockedForSilence } })
  }
  const silence = (await currentSilence(server.url, await poland()))!
  const statement = breakStatementFor(identity, key.keyId, silence, Date.now(), { paragraphs: [{ clauseId: firstClauseId, label: 'PP1' }] })
  signedBreak = { statement, signature: await signStatement(key.pair.privateKey, statement) }
  return `/api/declarations/${DOC}/silence/breaks`
}

const routes: Route[] = [
  { label: 'GET /api/session', method: 'GET', path: '/api/session', allowed: everyone },
  { label: 'PUT /api/session/language', method: 'PUT', path: '/api/session/language', body: () => ({ language: 'ru' }), allowed: everyone },
  { label: 'GET /api/declarations', method: 'GET', path: '/api/declarations', allowed: everyone },
  { label: 'GET /api/declarations/:name', method: 'GET', path: `/api/declarations/${DOC}`, allowed: everyone },
  { label: 'GET /api/delegations', method: 'GET', path: '/api/delegations', allowed: everyone },
  { label: 'POST /api/delegations', method: 'POST', path: '/api/delegations', body: () => ({ code: `ZZ${'ABCDEFGHIJ'[unique() % 10]}${'ABCDEFGHIJ'[Math.floor(counter / 10) % 10]}`, name: 'Test', color: '#123456' }), allowed: moderators },
  { label: 'GET /api/declarations/:name/participants', method: 'GET', path: `/api/declarations/${DOC}/participants`, allowed: moderators },
  { label: 'POST /api/declarations/:name/invitations', method: 'POST', path: `/api/declarations/${DOC}/invitations`, body: () => ({ name: 'New Person', login: `new-${unique()}`, delegation: 'KAZ', role: 'observer' }), allowed: moderators },
  { label: 'PUT /api/declarations/:name/members/:id', method: 'PUT', path: async () => `/api/declarations/${DOC}/members/${(await freshInvitation()).participantId}`, body: () => ({ role: 'observer' }), allowed: moderators },
  { label: 'DELETE /api/declarations/:name/members/:id', method: 'DELETE', path: async () => `/api/declarations/${DOC}/members/${(await freshInvitation()).participantId}`, allowed: moderators },
  { label: 'DELETE /api/declarations/:name/members/:id/sign-in-lock', method: 'DELETE', path: async () => `/api/declarations/${DOC}/members/${(await freshInvitation()).participantId}/sign-in-lock`, allowed: moderators },
  { label: 'GET /api/declarations/:name/signatures/keys', method: 'GET', path: `/api/declarations/${DOC}/signatures/keys`, allowed: everyone },
  { label: 'DELETE /api/declarations/:name/invitations/:id', method: 'DELETE', path: async () => `/api/declarations/${DOC}/invitations/${(await freshInvitation()).invitationId}`, allowed: moderators },
  { label: 'GET /api/declarations/:name/threads', method: 'GET', path: `/api/declarations/${DOC}/threads`, allowed: everyone },
  { label: 'POST /api/declarations/:name/threads', method: 'POST', path: `/api/declarations/${DOC}/threads`, body: () => ({ clauseId: firstClauseId, body: 'A comment' }), allowed: commenters },
  { label: 'GET /api/declarations/:name/amendments', method: 'GET', path: `/api/declarations/${DOC}/amendments`, allowed: everyone },
  { label: 'POST /api/declarations/:name/amendments', method: 'POST', path: `/api/declarations/${DOC}/amendments`, body: () => proposal, allowed: delegates },
  { label: 'PUT /api/declarations/:name/amendments/:n/stance (co-sponsor)', method: 'PUT', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/stance`, body: () => ({ stance: 'co-sponsor' }), allowed: delegates },
  { label: 'PUT /api/declarations/:name/amendments/:n/stance (supporter)', method: 'PUT', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/stance`, body: () => ({ stance: 'supporter' }), allowed: delegates },
  { label: 'PUT /api/declarations/:name/amendments/:n/stance (opposer)', method: 'PUT', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/stance`, body: () => ({ stance: 'opposer' }), allowed: delegates },
  { label: 'DELETE /api/declarations/:name/amendments/:n/stance', method: 'DELETE', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/stance`, allowed: delegates },
  // Another delegation's amendment: only a moderator may change it.
  { label: 'PATCH /api/declarations/:name/amendments/:n', method: 'PATCH', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}`, body: () => proposal, allowed: moderators },
  { label: 'POST /api/declarations/:name/amendments/:n/withdraw', method: 'POST', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/withdraw`, allowed: [] }, // Only the proposing delegation may.
  { label: 'POST /api/declarations/:name/amendments/:n/accept', method: 'POST', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/accept`, allowed: moderators },
  { label: 'POST /api/declarations/:name/amendments/:n/accept-revised', method: 'POST', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/accept-revised`, body: () => proposal, allowed: moderators },
  { label: 'POST /api/declarations/:name/amendments/:n/reject', method: 'POST', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/reject`, body: () => ({ reason: 'Not agreed.' }), allowed: moderators },
  { label: 'POST /api/declarations/:name/amendments/:n/discussion', method: 'POST', path: async () => `/api/declarations/${DOC}/amendments/${await freshAmendment()}/discussion`, body: () => ({ body: 'Why?' }), allowed: commenters },
  { label: 'GET /api/declarations/:name/mode', method: 'GET', path: `/api/declarations/${DOC}/mode`, allowed: everyone },
  { label: 'PUT /api/declarations/:name/mode', method: 'PUT', path: `/api/declarations/${DOC}/mode`, body: () => ({ mode: 'open' }), allowed: moderators },
  { label: 'GET /api/declarations/:name/brackets', method: 'GET', path: `/api/declarations/${DOC}/brackets`, allowed: everyone },
  { label: 'POST /api/declarations/:name/brackets', method: 'POST', path: `/api/declarations/${DOC}/brackets`, body: () => ({ kind: 'bracket', clauseId: firstClauseId, requestedBy: ['KAZ'] }), allowed: moderators },
  { label: 'POST /api/declarations/:name/brackets/:id/resolve', method: 'POST', path: async () => `/api/declarations/${DOC}/brackets/${await freshBracket()}/resolve`, body: () => ({ action: 'lift' }), allowed: moderators },
  { label: 'GET /api/declarations/:name/paragraph-statuses', method: 'GET', path: `/api/declarations/${DOC}/paragraph-statuses`, allowed: everyone },
  { label: 'PUT /api/declarations/:name/paragraph-statuses/:clauseId', method: 'PUT', path: () => Promise.resolve(`/api/declarations/${DOC}/paragraph-statuses/${firstClauseId}`), body: () => ({ status: unique() % 2 ? 'ad-referendum' : 'open' }), allowed: moderators },
  { label: 'GET /api/declarations/:name/progress', method: 'GET', path: `/api/declarations/${DOC}/progress`, allowed: everyone },
  { label: 'GET /api/declarations/:name/versions', method: 'GET', path: `/api/declarations/${DOC}/versions`, allowed: everyone },
  { label: 'POST /api/declarations/:name/versions', method: 'POST', path: `/api/declarations/${DOC}/versions`, body: () => ({ name: `Rev.${unique()}` }), allowed: moderators },
  { label: 'POST /api/declarations/:name/labels/renumber', method: 'POST', path: `/api/declarations/${DOC}/labels/renumber`, allowed: moderators },
  { label: 'GET /api/declarations/:name/audit', method: 'GET', path: `/api/declarations/${DOC}/audit`, allowed: moderators },
  { label: 'GET /api/declarations/:name/mentions/read-at', method: 'GET', path: `/api/declarations/${DOC}/mentions/read-at`, allowed: everyone },
  { label: 'POST /api/declarations/:name/mentions/read', method: 'POST', path: `/api/declarations/${DOC}/mentions/read`, allowed: everyone },
  { label: 'GET /api/declarations/:name/silence', method: 'GET', path: `/api/declarations/${DOC}/silence`, allowed: everyone },
  { label: 'POST /api/declarations/:name/silence', method: 'POST', path: lockForSilence, body: () => ({ versionId: lockedForSilence }), allowed: moderators, after: unlockAfterSilence },
  { label: 'POST /api/declarations/:name/silence/breaks', method: 'POST', path: signBreak, body: () => signedBreak, allowed: ['signatory'], after: unlockAfterSilence },
]

function expectedStatus(principal: Principal, route: Route): 'ok' | 401 | 403 {
  if (principal === 'no session' || principal === 'expired session' || principal === 'revoked session') return 401
  if (principal === 'wrong origin') return route.method === 'GET' ? 'ok' : 403
  return route.allowed.includes(principal) ? 'ok' : 403
}

const cells = principals.flatMap((principal) => routes.map((route) => [principal, route] as const))

describe('every principal against every REST route', () => {
  it.each(cells.map(([principal, route]) => [principal, route.label, expectedStatus(principal, route), route] as const))(
    '%s: %s -> %s',
    async (principal, _label, expected, route) => {
      const path = typeof route.path === 'string' ? route.path : await route.path()
      const answer = await api(server.url, route.method, path, { headers: await credentials(principal), body: route.body?.() })
      await route.after?.()
      if (expected === 'ok') {
        expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200)
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300)
      } else {
        expect(answer.status).toBe(expected)
        expect(answer.body).toMatchObject({ error: expect.any(String), message: expect.any(String) })
      }
    },
  )
})

/** Opens a socket as the principal: the HTTP status if refused before the upgrade, else the open socket. */
function openSocket(headers: Record<string, string>): Promise<{ status: number } | { ws: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}/${DOC}`, { headers })
    ws.on('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }))
    ws.on('open', () => resolve({ ws }))
    ws.on('error', () => undefined)
  })
}

const serverStateVector = async () => Y.encodeStateVector((await server.hub.acquire(DOC)).doc)

describe('every principal against every websocket action', () => {
  const refusedAtConnect: Partial<Record<Principal, number>> = { 'no session': 401, 'expired session': 401, 'revoked session': 401, 'wrong origin': 403 }

  it.each(principals)('%s: connect, send a document update, send presence', async (principal) => {
    const headers = await credentials(principal)
    if (refusedAtConnect[principal]) {
      expect(await openSocket(headers)).toEqual({ status: refusedAtConnect[principal] })
      return
    }
    const token = headers.Authorization!.slice('Bearer '.length)
    const watcher = connectClient(server.wsUrl, DOC, await moderatorToken())
    const client = connectClient(server.wsUrl, DOC, token)
    try {
      await Promise.all([whenSynced(watcher), whenSynced(client)])
      const closed = new Promise<number>((resolve) => client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)))

      client.provider.awareness.setLocalStateField('cursor', null)
      await waitFor(() => (watcher.provider.awareness.getStates().get(client.doc.clientID) as { user?: { role?: string } } | undefined)?.user?.role === principal, 'presence seen with the server-stamped role')

      const before = await serverStateVector()
      clauseText(client.text, 3).insert(0, `[${principal}] `)
      if (principal === 'moderator' || principal === 'editor') {
        await waitFor(() => watcher.text.toString().includes(`[${principal}] `), 'the edit reaches others')
      } else {
        expect(await closed).toBe(CloseCode.readOnly)
        expect(await serverStateVector()).toEqual(before)
        expect(watcher.text.toString()).not.toContain(`[${principal}] `)
      }
    } finally {
      client.destroy()
      watcher.destroy()
    }
  })
})
