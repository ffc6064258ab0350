import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger } from '../../server/src/log.js'
import { startServer, type RunningServer, type StartOptions } from '../../server/src/startServer.js'

/** A real server on port 0 with its own temporary data folder. */
export interface TestServer extends RunningServer {
  dataDir: string
  wsUrl: string
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>
}

/** Server logs in tests: errors only, unless KELISIM_TEST_LOGS names another level. */
const testLogLevel = (process.env.KELISIM_TEST_LOGS ?? 'error') as 'info' | 'warn' | 'error' | 'silent'

/** The built client, for end-to-end tests. */
export const clientDir = fileURLToPath(new URL('../../dist/client', import.meta.url))

/** Makes a fresh temporary data folder. */
export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kelisim-test-'))
}

/** Starts a seeded server; pass a dataDir (and port) to reopen an earlier one. */
export async function startTestServer(options: StartOptions & { dataDir?: string; port?: number } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDataDir())
  const server = await startServer(
    { port: options.port ?? 0, host: '127.0.0.1', dataDir, demo: true, clientDir, extraOrigins: [] },
    { log: createLogger(process.stderr, testLogLevel), ...options },
  )
  return {
    ...server,
    dataDir,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    destroy: async () => {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
