// The environment `npm start` gives the served process, read from package.json's start script, so that the bench and
// the tests run the server exactly as it is started.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const packageFile = fileURLToPath(new URL('../package.json', import.meta.url))

/** The `NAME=value` assignments in front of `node` in the start script. */
export function startEnvironment(): Record<string, string> {
  const { scripts } = JSON.parse(readFileSync(packageFile, 'utf8')) as { scripts: { start: string } }
  const serving = scripts.start.split('&&').at(-1)?.trim() ?? ''
  const assignments = serving.slice(0, serving.indexOf('node ')).trim().split(/\s+/).filter(Boolean)
  return Object.fromEntries(assignments.map((assignment) => [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)]))
}
