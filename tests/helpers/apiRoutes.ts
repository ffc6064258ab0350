import { DEMO_PASSWORD } from '../../server/src/seed/demoAccounts.js'

/** The ids a route's path needs: the declaration and the things in it that the test set up. */
export interface RouteIds {
  name: string
  participantId: string
  threadId: string
  commentId: string
  versionId: string
  invitationId: string
  invitationToken: string
  clauseId: string
  /** The number of an amendment the setup proposed as editor-gbr. */
  amendmentNumber: string
}

/** One API route as a client calls it, with a body the server accepts. */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The path under /api, with `:name`, `:participantId` and the other RouteIds as placeholders. */
  path: string
  /** The demo login that calls it, or null for public routes. */
  as: string | null
  /** A body the server accepts, for routes that read one. */
  body?: Record<string, unknown>
  /** Top-level fields of `body` that may be left out. */
  optional?: string[]
  /** Fields of free text in any script (names, comments, notes, passwords), as opposed to codes and ids. */
  text?: string[]
  /** The status of the valid request when every route is called in the order of this list, after the suite's setup. */
  ok: number
}

/** A raw Ed25519 public key, base64: a real point, so registering it succeeds. */
const PUBLIC_KEY = 'chuFfaJzBmbAJqdoEKxqHiTgE3yICJ5VGBUN4Tf1M2M='

const HEX = 'a'.repeat(64)

/** A proposal that needs no text positions: a new paragraph after the setup's paragraph. */
const NEW_PARAGRAPH = { kind: 'paragraph.insert', after: ':clauseId', clauseKind: 'operative', content: [{ text: 'Invite all States to report.', marks: [] }] }

/** Every route under /api (server/src/routes, mounted in server/src/http/createApp.ts), in the order they are mounted. */
export const apiRoutes: ApiRoute[] = [
  { method: 'POST', path: '/session', as: null, body: { login: 'observer-idn', password: DEMO_PASSWORD }, text: ['password'], ok: 201 },
  { method: 'GET', path: '/session', as: 'chair', ok: 200 },
  { method: 'PUT', path: '/session/language', as: 'chair', body: { language: 'kk' }, ok: 200 },
  { method: 'DELETE', path: '/session', as: null, ok: 204 },
  { method: 'DELETE', path: '/session/all', as: 'observer-idn', ok: 204 },
  { method: 'GET', path: '/delegations', as: 'chair', ok: 200 },
  { method: 'POST', path: '/delegations', as: 'chair', body: { code: 'ISL', name: 'Iceland', color: '#225588' }, text: ['name'], ok: 201 },
  { method: 'GET', path: '/declarations', as: 'chair', ok: 200 },
  { method: 'GET', path: '/declarations/:name', as: 'chair', ok: 200 },
  { method: 'GET', path: '/declarations/:name/participants', as: 'chair', ok: 200 },
  { method: 'PUT', path: '/declarations/:name/members/:participantId', as: 'chair', body: { role: 'signatory' }, ok: 200 },
  { method: 'DELETE', path: '/declarations/:name/members/:participantId/sign-in-lock', as: 'chair', ok: 200 },
  { method: 'DELETE', path: '/declarations/:name/members/:participantId', as: 'chair', ok: 204 },
  {
    method: 'POST',
    path: '/declarations/:name/invitations',
    as: 'chair',
    body: { name: 'Jón Sigurðsson', login: 'editor-isl', delegation: 'GBR', role: 'editor' },
    text: ['name'],
    ok: 201,
  },
  { method: 'DELETE', path: '/declarations/:name/invitations/:invitationId', as: 'chair', ok: 204 },
  { method: 'GET', path: '/declarations/:name/threads', as: 'editor-gbr', ok: 200 },
  { method: 'POST', path: '/declarations/:name/threads', as: 'editor-gbr', body: { clauseId: ':clauseId', body: 'A comment.' }, optional: ['anchor'], text: ['body'], ok: 201 },
  { method: 'POST', path: '/declarations/:name/threads/:threadId/comments', as: 'editor-gbr', body: { body: 'A reply.' }, text: ['body'], ok: 201 },
  { method: 'PATCH', path: '/declarations/:name/threads/:threadId/comments/:commentId', as: 'editor-gbr', body: { body: 'An edit.' }, text: ['body'], ok: 200 },
  { method: 'DELETE', path: '/declarations/:name/threads/:threadId/comments/:commentId', as: 'editor-gbr', ok: 200 },
  { method: 'POST', path: '/declarations/:name/threads/:threadId/resolve', as: 'editor-gbr', ok: 200 },
  { method: 'POST', path: '/declarations/:name/threads/:threadId/reopen', as: 'editor-gbr', ok: 200 },
  { method: 'GET', path: '/declarations/:name/mentions/read-at', as: 'editor-gbr', ok: 200 },
  { method: 'POST', path: '/declarations/:name/mentions/read', as: 'editor-gbr', ok: 200 },
  { method: 'GET', path: '/declarations/:name/amendments', as: 'signatory-pol', ok: 200 },
  { method: 'POST', path: '/declarations/:name/amendments', as: 'editor-gbr', body: { change: NEW_PARAGRAPH, justification: 'Reports keep us honest.' }, optional: ['justification'], text: ['change', 'justification'], ok: 201 },
  { method: 'PATCH', path: '/declarations/:name/amendments/:amendmentNumber', as: 'editor-gbr', body: { change: NEW_PARAGRAPH, justification: 'Shorter.' }, optional: ['justification'], text: ['change', 'justification'], ok: 200 },
  { method: 'PUT', path: '/declarations/:name/amendments/:amendmentNumber/stance', as: 'signatory-pol', body: { stance: 'supporter' }, ok: 200 },
  { method: 'DELETE', path: '/declarations/:name/amendments/:amendmentNumber/stance', as: 'signatory-pol', ok: 200 },
  { method: 'POST', path: '/declarations/:name/amendments/:amendmentNumber/discussion', as: 'signatory-pol', body: { body: 'We support this.' }, text: ['body'], ok: 201 },
  { method: 'POST', path: '/declarations/:name/amendments/:amendmentNumber/accept-revised', as: 'chair', body: { change: NEW_PARAGRAPH }, text: ['change'], ok: 200 },
  // Valid, but by then the amendment is decided.
  { method: 'POST', path: '/declarations/:name/amendments/:amendmentNumber/accept', as: 'chair', ok: 409 },
  { method: 'POST', path: '/declarations/:name/amendments/:amendmentNumber/reject', as: 'chair', body: { reason: 'Not agreed.' }, text: ['reason'], ok: 409 },
  { method: 'POST', path: '/declarations/:name/amendments/:amendmentNumber/withdraw', as: 'editor-gbr', ok: 409 },
  { method: 'GET', path: '/declarations/:name/mode', as: 'signatory-pol', ok: 200 },
  { method: 'PUT', path: '/declarations/:name/mode', as: 'chair', body: { mode: 'open' }, ok: 200 },
  { method: 'GET', path: '/declarations/:name/versions', as: 'chair', ok: 200 },
  {
    method: 'POST',
    path: '/declarations/:name/versions',
    as: 'chair',
    body: { name: 'Rev.2', note: 'After the second reading.', acceptInvisibleCharacters: false },
    optional: ['note', 'acceptInvisibleCharacters'],
    text: ['name', 'note'],
    ok: 201,
  },
  // Valid, but the draft is not locked.
  { method: 'POST', path: '/declarations/:name/versions/unlock', as: 'chair', body: { name: 'Rev.3' }, optional: ['note', 'acceptInvisibleCharacters'], text: ['name'], ok: 409 },
  { method: 'GET', path: '/declarations/:name/versions/:versionId', as: 'chair', ok: 200 },
  // Valid, but by then a later version exists.
  { method: 'POST', path: '/declarations/:name/versions/:versionId/lock', as: 'chair', ok: 409 },
  { method: 'POST', path: '/declarations/:name/versions/:versionId/restore', as: 'chair', ok: 204 },
  { method: 'GET', path: '/declarations/:name/redline?from=:versionId&to=live', as: 'chair', ok: 200 },
  { method: 'GET', path: '/declarations/:name/audit', as: 'chair', ok: 200 },
  { method: 'GET', path: '/declarations/:name/signatures', as: 'signatory-pol', ok: 200 },
  { method: 'GET', path: '/declarations/:name/signatures/keys', as: 'signatory-pol', ok: 200 },
  {
    method: 'POST',
    path: '/declarations/:name/signatures',
    as: 'signatory-pol',
    body: {
      statement: {
        purpose: 'kelisim-declaration-signature/1',
        declaration: 'almaty-declaration',
        versionId: 'v1',
        versionSha256: HEX,
        signer: { id: 'someone', name: 'Katarzyna Nowak' },
        delegation: { code: 'POL', name: 'Poland' },
        keyId: HEX,
        signedAt: '2026-01-01T00:00:00.000Z',
        adReferendum: false,
        reservation: 'Subject to ratification.',
      },
      signature: `${'A'.repeat(86)}==`,
    },
    // Well formed, but nothing is locked for signature.
    ok: 409,
  },
  { method: 'GET', path: '/declarations/:name/evidence/:versionId', as: 'chair', ok: 200 },
  { method: 'GET', path: '/declarations/:name/exports/:versionId.pdf', as: 'chair', ok: 200 },
  { method: 'POST', path: '/declarations/:name/labels/renumber', as: 'chair', ok: 200 },
  { method: 'GET', path: '/keys', as: 'signatory-pol', ok: 200 },
  { method: 'POST', path: '/keys', as: 'signatory-pol', body: { publicKey: PUBLIC_KEY }, ok: 201 },
  { method: 'GET', path: '/invitations/:invitationToken', as: null, ok: 200 },
  { method: 'POST', path: '/invitations/:invitationToken/accept', as: null, body: { password: 'a long enough password' }, text: ['password'], ok: 201 },
  { method: 'GET', path: '/demo/accounts', as: null, ok: 200 },
]

/** The path of a route under /api with its placeholders filled in; `overrides` replace single ids, as given. */
export function routePath(route: ApiRoute, ids: RouteIds, overrides: Partial<RouteIds> = {}): string {
  const values: Record<string, string> = { ...ids, ...overrides }
  return `/api${route.path.replace(/:([A-Za-z]+)/g, (_match, key: string) => values[key] ?? `:${key}`)}`
}

/** A route's body with `:clauseId` and the like filled in. */
export function routeBody(route: ApiRoute, ids: RouteIds): Record<string, unknown> | undefined {
  if (!route.body) return undefined
  const values: Record<string, string> = { ...ids }
  return JSON.parse(JSON.stringify(route.body), (_key, value: unknown) => (typeof value === 'string' && value.startsWith(':') ? (values[value.slice(1)] ?? value) : value)) as Record<string, unknown>
}
