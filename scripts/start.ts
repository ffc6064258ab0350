// Builds the client when it is missing or older than its sources, then starts the server.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'dist/client/index.html')

function newestModification(directory: string): number {
  let newest = 0
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs)
  }
  return newest
}

const sourcesChanged = () =>
  Math.max(newestModification(join(root, 'client')), newestModification(join(root, 'shared'))) > statSync(builtIndex).mtimeMs

if (!existsSync(builtIndex) || sourcesChanged()) {
  process.stdout.write('Building the client…\n')
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
}
await import('../server/src/main.js')
