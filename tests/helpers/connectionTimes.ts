import type { Logger } from '../../server/src/log.js'

/** A server logger that only notes when each sync connection was admitted (performance.now(), in ms). */
export function connectionTimes(): { log: Logger; admitted: number[] } {
  const admitted: number[] = []
  const log: Logger = {
    info: (event) => {
      if (event === 'sync_connected') admitted.push(performance.now())
    },
    warn: () => undefined,
    error: (event, fields) => console.error(event, fields),
  }
  return { log, admitted }
}
