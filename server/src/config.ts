import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: z.enum(['0', '1']).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, normalize: true })
    .transform((url) => new URL(url))
    .optional(),
  CONNECTIONS_PER_PERSON: z.coerce.number().int().min(1).max(10_000).optional(),
})

/** How a server is started. */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** Seed the demo declaration and delegations into an empty store, and offer the demo accounts. */
  demo: boolean
  /** Where the built client is. */
  clientDir: string
  /** Origins allowed besides the server's own (a reverse proxy's public address, the dev server). */
  extraOrigins: string[]
  /** Session cookies get `Secure` (PUBLIC_URL is https://); off when absent. */
  secureCookies?: boolean
  /** Sync connections one person may have open at once; a default suits people, not shared test accounts. */
  connectionsPerPerson?: number
}

/** Whether a listening address is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1' || host === '[::1]'
}

/** Reads the configuration from the environment; throws a readable message on bad values. */
export function configFromEnvironment(environment: NodeJS.ProcessEnv, clientDir: string): ServerConfig {
  const parsed = Environment.safeParse(environment)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Invalid configuration: ${issue?.path.join('.')} ${issue?.message}`)
  }
  const env = parsed.data
  const extraOrigins = (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    // Demo moderators have a published password: seeded unasked only where no one else can reach them.
    demo: env.DEMO === '1' || (env.DEMO === undefined && isLoopbackHost(env.HOST)),
    clientDir,
    extraOrigins: env.PUBLIC_URL ? [...extraOrigins, env.PUBLIC_URL.origin] : extraOrigins,
    secureCookies: env.PUBLIC_URL?.protocol === 'https:',
    ...(env.CONNECTIONS_PER_PERSON === undefined ? {} : { connectionsPerPerson: env.CONNECTIONS_PER_PERSON }),
  }
}

/** What the server says at start about the demo on an address others can reach; null on loopback. */
export function demoNotice(config: ServerConfig): string | null {
  if (isLoopbackHost(config.host)) return null
  if (!config.demo) {
    return `The demo is off: HOST ${config.host} is not a loopback address, and demo moderators have a published password. Set DEMO=1 to seed it anyway.`
  }
  return `DEMO=1: demo accounts with a published password are seeded and offered on ${config.host}, which others can reach.`
}
