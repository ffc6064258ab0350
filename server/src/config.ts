import { resolve } from 'node:path'
import { z } from 'zod'

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  NODE_ENV: z.string().optional(),
  DEMO: z.enum(['0', '1']).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  CONNECTIONS_PER_PERSON: z.coerce.number().int().min(1).max(10_000).optional(),
})

/** How a server is started. */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** Seed the demo declaration and delegations into an empty store. */
  demo: boolean
  /** Where the built client is. */
  clientDir: string
  /** Origins allowed besides the server's own (a reverse proxy's public address, the dev server). */
  extraOrigins: string[]
  /** Sync connections one person may have open at once; a default suits people, not shared test accounts. */
  connectionsPerPerson?: number
}

/** Reads the configuration from the environment; throws a readable message on bad values. */
export function configFromEnvironment(environment: NodeJS.ProcessEnv, clientDir: string): ServerConfig {
  const parsed = Environment.safeParse(environment)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Invalid configuration: ${issue?.path.join('.')} ${issue?.message}`)
  }
  const env = parsed.data
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    demo: env.DEMO !== '0' && env.NODE_ENV !== 'production',
    clientDir,
    extraOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    ...(env.CONNECTIONS_PER_PERSON === undefined ? {} : { connectionsPerPerson: env.CONNECTIONS_PER_PERSON }),
  }
}
