// Preloaded with `node --import`: records every module the process (and its worker threads) loads, one URL or path
// a line, into the file KELISIM_MODULE_TRACE names.
import { appendFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'

const trace = process.env.KELISIM_MODULE_TRACE
if (trace) {
  register('./moduleTraceHooks.mjs', import.meta.url)
  // CommonJS modules loaded by require() do not pass the hooks in Node 20; the shared cache lists them at exit.
  const cache = createRequire(import.meta.url).cache
  process.on('exit', () => appendFileSync(trace, Object.keys(cache).map((path) => `${path}\n`).join('')))
}
