// Builds the client and the server when their output is missing or older than their sources; `npm start` runs it
// before the server, in its own process, so nothing of the build stays loaded where the server runs.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

const targets = [
  { output: 'dist/client/index.html', sources: ['client', 'shared', 'vite.config.ts', 'package-lock.json'], script: 'build:client' },
  { output: 'dist/server/main.js', sources: ['server/src', 'shared', 'scripts/buildServer.ts', 'package-lock.json'], script: 'build:server' },
]

function newestModification(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)))
  return newest
}

function isStale(output: string, sources: string[]): boolean {
  const built = join(root, output)
  if (!existsSync(built)) return true
  return Math.max(...sources.map((source) => newestModification(join(root, source)))) > statSync(built).mtimeMs
}

for (const { output, sources, script } of targets) {
  if (!isStale(output, sources)) continue
  process.stdout.write(`${output} is missing or older than its sources: npm run ${script}\n`)
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
