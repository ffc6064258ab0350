import { rm } from 'node:fs/promises'
import { configFromEnvironment } from '../../server/src/config.js'
import { createLogger } from '../../server/src/log.js'
import { startServer, type RunningServer } from '../../server/src/startServer.js'
import { clientDir, tempDataDir } from './testServer.js'

/** A server configured from environment variables, as `npm start` reads them, on port 0 and a fresh data folder. */
export async function startConfiguredServer(environment: Record<string, string>): Promise<RunningServer & { destroy(): Promise<void> }> {
  const dataDir = await tempDataDir()
  const config = configFromEnvironment({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...environment }, clientDir)
  const server = await startServer(config, { log: createLogger(process.stderr, 'silent') })
  return {
    ...server,
    destroy: async () => {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
