import { fileURLToPath } from 'node:url'
import { configFromEnvironment, demoNotice } from './config.js'
import { createLogger } from './log.js'
import { StartupError } from './store/dataDirectory.js'
import { startServer } from './startServer.js'

const log = createLogger()
// Built, this file is dist/server/main.js: the same two levels below the root as server/src/main.ts.
const clientDir = fileURLToPath(new URL('../../dist/client', import.meta.url))

try {
  const config = configFromEnvironment(process.env, clientDir)
  const notice = demoNotice(config)
  if (notice) log.warn('demo_notice', { message: notice })
  const started = startServer(config, { log })
  // Listening for signals from the start: one that arrives while the server starts waits for it, then stops it.
  const stop = (signal: string) => {
    log.info('shutting_down', { signal })
    started
      .then((server) => server.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown_failed', { error: String(error) })
          process.exit(1)
        },
      )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  await started
} catch (error) {
  // One clear sentence for the operator; details only for faults we did not foresee.
  process.stderr.write(`${error instanceof StartupError || error instanceof Error ? error.message : String(error)}\n`)
  if (!(error instanceof StartupError)) log.error('start_failed', { error: String(error) })
  process.exit(1)
}
