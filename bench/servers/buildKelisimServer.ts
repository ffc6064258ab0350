import { fileURLToPath } from 'node:url'
import { buildServer } from '../../scripts/buildServer.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Where the built Kelisim bench server lands; its text-reader thread is built beside it, where the server looks. */
export const BUILT_KELISIM_SERVER = `${root}dist/bench/kelisimServer.js`

/**
 * Builds the Kelisim bench server to plain JavaScript, as `npm run build:server` builds the real one, so the bench
 * measures a process running `node` on built files with no compiler loaded, not one started under tsx.
 */
export async function buildKelisimServer(): Promise<string> {
  await buildServer('bench/servers/kelisimServer.ts', 'dist/bench')
  return BUILT_KELISIM_SERVER
}
