import { createInterface } from 'node:readline'
import { configFromEnvironment } from '../config.js'
import { createLogger } from '../log.js'
import { checkDataDirectory, lockDataDirectory } from '../store/dataDirectory.js'
import { LowStore } from '../store/LowStore.js'
import { runAdminCommand } from './adminCommands.js'

/** Reads the first line of standard input: the password never appears in the process list. */
function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('New password (at least 10 characters): ')
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin })
    lines.once('line', (line) => {
      resolve(line)
      lines.close()
    })
    lines.once('close', () => resolve(''))
  })
}

const config = configFromEnvironment(process.env, '')
// Piped input is taken at once, before the store is opened, so none of it is lost on the way.
const pipedPassword = process.stdin.isTTY ? null : readFirstLine()
try {
  await checkDataDirectory(config.dataDir)
  const unlock = await lockDataDirectory(config.dataDir)
  const store = await LowStore.open(config.dataDir, createLogger(process.stderr, 'warn'))
  try {
    process.stdout.write(`${await runAdminCommand(store, process.argv.slice(2), () => pipedPassword ?? readFirstLine())}\n`)
  } finally {
    await store.close()
    await unlock()
  }
} catch (error) {
  // Usage and start-up problems, and bad options, all explain themselves in their message.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
