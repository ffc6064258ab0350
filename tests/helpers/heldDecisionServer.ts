import { fileURLToPath } from 'node:url'
import { configFromEnvironment } from '../../server/src/config.js'
import { createLogger } from '../../server/src/log.js'
import { startServer } from '../../server/src/startServer.js'

// The server as `npm start` runs it, except that every decision stops for good at the moment KELISIM_HOLD_DECISION
// names, after logging "decision_held": a test kills it there.
const log = createLogger()
const holdAt = process.env.KELISIM_HOLD_DECISION
await startServer(configFromEnvironment(process.env, fileURLToPath(new URL('../../dist/client', import.meta.url))), {
  log,
  amendmentDecisionHook: async (event) => {
    if (event !== holdAt) return
    log.info('decision_held', { at: event })
    await new Promise<never>(() => undefined)
  },
})
