/** Structured logging: one JSON line per event. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

type Level = 'info' | 'warn' | 'error'

const rank: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 }

/** Writes JSON lines at or above `minLevel` to a stream. */
export function createLogger(stream: NodeJS.WritableStream = process.stdout, minLevel: Level | 'silent' = 'info'): Logger {
  const write = (level: Level, event: string, fields: Record<string, unknown> = {}) => {
    if (rank[level] < rank[minLevel]) return
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`)
  }
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}
