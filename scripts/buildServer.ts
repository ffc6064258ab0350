// Builds the server to plain JavaScript for `node` (`npm run build:server`); the bench builds its server with the
// same options, so it measures what `npm start` serves.
import { rm } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The text reader's thread, built beside the server's entry, where the server looks for it. */
const READER_THREAD = 'server/src/versions/textReaderThread.ts'

/**
 * Bundles `entry` and the reader thread into `outdir`, emptied first. Code loaded with `import()` (the export
 * renderers and their libraries) goes into chunks of its own, so a server that has exported nothing has not loaded it.
 */
export async function buildServer(entry: string, outdir: string): Promise<void> {
  await rm(`${root}${outdir}`, { recursive: true, force: true })
  await build({
    entryPoints: [`${root}${entry}`, `${root}${READER_THREAD}`],
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    sourcemap: true,
    entryNames: '[name]',
    outdir: `${root}${outdir}`,
    logLevel: 'warning',
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServer('server/src/main.ts', 'dist/server')
