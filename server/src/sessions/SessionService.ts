import type { IncomingMessage } from 'node:http'
import type { Identity } from '../../../shared/api/schemas.js'
import type { Store } from '../store/Store.js'
import { hashSessionToken, newSessionToken, sessionTokenOf } from './sessionTokens.js'

/** How long a session lasts. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** Creates and resolves server-side sessions; identity always comes from here, never from the client. */
export class SessionService {
  constructor(private readonly store: Store) {}

  /** Starts a session for a visitor who picked a name and a delegation; returns its token. */
  async start(name: string, delegationCode: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken()
    const now = Date.now()
    const expiresAt = new Date(now + SESSION_TTL_MS)
    await this.store.createSession({
      tokenHash: hashSessionToken(token),
      name,
      delegation: delegationCode,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    return { token, expiresAt }
  }

  /** The identity behind a request's session, or undefined for none, expired or unknown. */
  async identify(request: IncomingMessage): Promise<Identity | undefined> {
    const token = sessionTokenOf(request)
    if (!token) return undefined
    const session = await this.store.getSession(hashSessionToken(token))
    if (!session || Date.parse(session.expiresAt) <= Date.now()) return undefined
    const delegation = await this.store.getDelegation(session.delegation)
    return delegation ? { name: session.name, delegation } : undefined
  }

  /** Ends the request's session. */
  async end(request: IncomingMessage): Promise<void> {
    const token = sessionTokenOf(request)
    if (token) await this.store.deleteSession(hashSessionToken(token))
  }
}
