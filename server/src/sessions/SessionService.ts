import type { IncomingMessage } from 'node:http'
import type { Identity } from '../../../shared/api/schemas.js'
import type { ParticipantRecord, SessionRecord, Store } from '../store/Store.js'
import { hashToken, newToken, sessionTokenOf } from '../auth/tokens.js'

/** A valid session and who it belongs to. */
export interface Session {
  tokenHash: string
  /** When the session ends, in ms since the epoch. */
  expiresAt: number
  participant: ParticipantRecord
  identity: Identity
}

/** Creates, resolves and ends server-side sessions; identity always comes from here, never from the client. */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {}

  /** A new session record for a participant, with the token to hand out once. */
  issue(participantId: string): { token: string; record: SessionRecord; expiresAt: Date } {
    const token = newToken()
    const now = Date.now()
    const expiresAt = new Date(now + this.ttlMs)
    const record = {
      tokenHash: hashToken(token),
      participantId,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt.toISOString(),
    }
    return { token, record, expiresAt }
  }

  /** Starts and stores a session for a participant. */
  async start(participantId: string): Promise<{ token: string; expiresAt: Date }> {
    const { token, record, expiresAt } = this.issue(participantId)
    await this.store.createSession(record)
    return { token, expiresAt }
  }

  /** The session behind a request, or undefined for none, expired, revoked or unknown. */
  async identify(request: IncomingMessage): Promise<Session | undefined> {
    const token = sessionTokenOf(request)
    if (!token) return undefined
    const tokenHash = hashToken(token)
    const session = await this.store.getSession(tokenHash)
    if (!session || Date.parse(session.expiresAt) <= Date.now()) return undefined
    const participant = await this.store.getParticipant(session.participantId)
    const delegation = participant && (await this.store.getDelegation(participant.delegation))
    if (!participant || !delegation) return undefined
    return {
      tokenHash,
      expiresAt: Date.parse(session.expiresAt),
      participant,
      identity: { id: participant.id, login: participant.login, name: participant.name, delegation },
    }
  }
}
