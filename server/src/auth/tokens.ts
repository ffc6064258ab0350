import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { parse as parseCookies } from 'cookie'

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'kelisim_session'

/** A new unguessable token, for sessions and invitation links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Only this hash of a token is stored, so a copy of the data folder signs no one in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The token a request carries: the cookie from a browser, or a bearer token from other clients. */
export function sessionTokenOf(request: IncomingMessage): string | undefined {
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim()
  const cookies = request.headers.cookie
  return cookies ? parseCookies(cookies)[SESSION_COOKIE] : undefined
}
