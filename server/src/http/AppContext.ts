import type { Logger } from '../log.js'
import type { SessionService } from '../sessions/SessionService.js'
import type { Store } from '../store/Store.js'

/** What every route may use. */
export interface AppContext {
  store: Store
  sessions: SessionService
  log: Logger
  /** Cookies get `Secure` when served over HTTPS. */
  secureCookies: boolean
}
