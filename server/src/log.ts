/** Structured logging: one JSON line per event. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

type Level = 'info' | 'warn' | 'error'

/** Writes JSON lines to a stream; `quiet` drops info lines (tests). */
export function createLogger(stream: NodeJS.WritableStream = process.stdout, options: { quiet?: boolean } = {}): Logger {
  const write = (level: Level, event: string, fields: Record<string, unknown> = {}) => {
    if (options.quiet && level === 'info') return
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`)
  }
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}
