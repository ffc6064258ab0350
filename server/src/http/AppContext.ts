import type { DemoAccount } from '../../../shared/api/schemas.js'
import type { SignInLimiter } from '../auth/SignInLimiter.js'
import type { Logger } from '../log.js'
import type { AmendmentService } from '../negotiation/AmendmentService.js'
import type { BracketService } from '../brackets/BracketService.js'
import type { ParagraphStatusService } from '../paragraphStatus/ParagraphStatusService.js'
import type { SessionService } from '../sessions/SessionService.js'
import type { SilenceService } from '../silence/SilenceService.js'
import type { Store } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'

/** Ends open websocket connections when access changes. */
export interface ConnectionControl {
  /** Closes a participant's connections (to one declaration, or all); returns how many were closed. */
  disconnect(participantId: string, declaration: string | null, code: number, reason: string): number
  /** Closes the connections opened with one session; returns how many were closed. */
  disconnectSession(participantId: string, tokenHash: string, code: number, reason: string): number
}

/** What every route may use. */
export interface AppContext {
  store: Store
  sessions: SessionService
  log: Logger
  limiter: SignInLimiter
  connections: ConnectionControl
  /** The live documents: comment anchors are checked against them and comment changes pushed through them. */
  hub: DocumentHub
  /** Amendments and the drafting mode of each declaration. */
  amendments: AmendmentService
  /** Square brackets and alternatives of each declaration. */
  brackets: BracketService
  /** Silence procedures on locked versions. */
  silence: SilenceService
  /** Each paragraph's status (open, agreed ad referendum, agreed) and the closed paragraphs they make. */
  paragraphStatuses: ParagraphStatusService
  /** Origins whose pages may call mutating routes and open websockets. */
  allowedOrigins: ReadonlySet<string>
  /** Cookies get `Secure` when served over HTTPS. */
  secureCookies: boolean
  /** The demo accounts offered on the sign-in page, or null outside demo mode. */
  demoAccounts: DemoAccount[] | null
  invitationTtlMs: number
}
