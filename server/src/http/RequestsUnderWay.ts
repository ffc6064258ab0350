import type { Server } from 'node:http'

/** Counts the HTTP requests being answered, so that a shutdown lets them finish before the text and the stores close. */
export class RequestsUnderWay {
  private count = 0
  private waiters: Array<() => void> = []

  constructor(server: Server) {
    server.on('request', (_request, response) => {
      this.count += 1
      // 'close' comes once the answer is sent, or the connection is gone.
      response.once('close', () => {
        this.count -= 1
        if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve()
      })
    })
  }

  /** Resolves when no request is being answered, or after `graceMs`, whichever comes first. */
  finished(graceMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs)
      this.waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}
