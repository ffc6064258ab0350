import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: `${root}client`,
  plugins: [react()],
  build: {
    outDir: `${root}dist/client`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/sync': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root,
    include: ['tests/**/*.test.ts'],
    // Generous, so a machine three times busier than usual still finishes; a hang fails all the same.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A poll for what a browser shows waits as long as a page may take on a busy machine; it still ends at the first match.
    expect: { poll: { timeout: 15_000 } },
    // Browser and multi-process tests compete for two cores; run files one at a time.
    fileParallelism: false,
  },
})
