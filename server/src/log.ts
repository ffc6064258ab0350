import { AsyncLocalStorage } from 'node:async_hooks'

/** Structured logging: one JSON line per event. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

type Level = 'info' | 'warn' | 'error'

/** How many lines one event may write per window before the rest are only counted. */
export interface LogRateLimit {
  linesPerWindow: number
  windowMs: number
}

/** Fields every line logged while handling one request carries, such as its id. */
const contextFields = new AsyncLocalStorage<Record<string, unknown>>()

/** Runs `handle` so that every line it logs, however deep, carries `fields`. */
export function withLogFields<T>(fields: Record<string, unknown>, handle: () => T): T {
  return contextFields.run(fields, handle)
}

const rank: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 }

const defaultRateLimit: LogRateLimit = { linesPerWindow: 100, windowMs: 10_000 }

interface EventWindow {
  start: number
  written: number
  suppressed: number
}

/**
 * Writes JSON lines at or above `minLevel` to a stream. A flood of one event (a client sending garbage in a loop)
 * writes at most `linesPerWindow` lines per window, then one `log_suppressed` line with the count of the rest.
 */
export function createLogger(
  stream: NodeJS.WritableStream = process.stdout,
  minLevel: Level | 'silent' = 'info',
  rateLimit: LogRateLimit = defaultRateLimit,
): Logger {
  const windows = new Map<string, EventWindow>()
  const line = (level: Level, event: string, fields: Record<string, unknown>) =>
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...contextFields.getStore(), ...fields })}\n`)

  const report = (event: string, window: EventWindow) => {
    if (window.suppressed > 0) line('warn', 'log_suppressed', { suppressedEvent: event, count: window.suppressed, windowMs: rateLimit.windowMs })
  }
  // Counts of a flood that has stopped are still reported, once its window ends.
  setInterval(() => {
    const now = Date.now()
    for (const [event, window] of windows) {
      if (now - window.start < rateLimit.windowMs) continue
      report(event, window)
      windows.delete(event)
    }
  }, rateLimit.windowMs).unref()

  const write = (level: Level, event: string, fields: Record<string, unknown> = {}) => {
    if (rank[level] < rank[minLevel]) return
    const now = Date.now()
    let window = windows.get(event)
    if (!window || now - window.start >= rateLimit.windowMs) {
      if (window) report(event, window)
      window = { start: now, written: 0, suppressed: 0 }
      windows.set(event, window)
    }
    if (window.written >= rateLimit.linesPerWindow) {
      window.suppressed += 1
      return
    }
    window.written += 1
    line(level, event, fields)
  }
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}
