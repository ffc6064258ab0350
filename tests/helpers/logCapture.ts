import { Writable } from 'node:stream'
import { createLogger, type Logger, type LogRateLimit } from '../../server/src/log.js'

/** A logger at `info` whose lines are kept, parsed, for a test to read; `at` is when each was written (performance.now()). */
export function capturedLogger(rateLimit?: LogRateLimit): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push({ ...(JSON.parse(line) as Record<string, unknown>), at: performance.now() })
      done()
    },
  })
  return { log: createLogger(stream, 'info', rateLimit), lines }
}
