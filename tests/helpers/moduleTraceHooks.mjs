// Module hooks for moduleTrace.mjs: each resolved module URL is appended to the trace file.
import { appendFileSync } from 'node:fs'

/** Passes every resolution on unchanged and writes down where it led. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  appendFileSync(process.env.KELISIM_MODULE_TRACE, `${resolved.url}\n`)
  return resolved
}
