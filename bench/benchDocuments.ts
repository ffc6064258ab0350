import { DEMO_DECLARATION } from '../server/src/seed/seedDemo.js'
import { defaultLimits } from '../server/src/startServer.js'
import type { BenchOptions } from './benchOptions.js'

/** The realistic declaration every server holds: the Almaty zero draft. */
export const REALISTIC_DOCUMENT = DEMO_DECLARATION

/** The declaration that grows to thousands of paragraphs with a long history. */
export const LARGE_DOCUMENT = 'bench-large-declaration'

/** Its title. */
export const LARGE_TITLE = 'Large declaration for measurement'

/** Logins of the accounts the bench's connections use, numbered from 0; the server gives each one session. */
export const BENCH_LOGIN_PREFIX = 'bench-delegate-'

/** Accounts enough that no account has more sockets open than one person may, with room for the anchor and a first joiner. */
export function benchAccountsFor(options: BenchOptions): number {
  const most = Math.max(...options.connections, ...options.capacitySteps, options.stormClients, options.idleConnections + 1)
  return Math.ceil(most / (defaultLimits.maxConnectionsPerPerson - 2))
}

/** The moderator who freezes versions. */
export const MODERATOR_LOGIN = 'chair'
