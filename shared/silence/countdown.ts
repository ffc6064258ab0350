const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** One unit of a countdown with its count, to put into words with the catalogue's plural forms. */
export interface CountdownPart {
  unit: 'day' | 'hour' | 'minute'
  count: number
}

/** The time left before a deadline, to the minute: 'passed', 'underMinute', or the non-zero days, hours and minutes in that order. */
export function countdownParts(deadline: number, now: number): 'passed' | 'underMinute' | CountdownPart[] {
  const left = deadline - now
  if (left <= 0) return 'passed'
  if (left < MINUTE) return 'underMinute'
  const minutes = Math.floor(left / MINUTE)
  const parts: CountdownPart[] = [
    { unit: 'day', count: Math.floor(minutes / (DAY / MINUTE)) },
    { unit: 'hour', count: Math.floor((minutes % (DAY / MINUTE)) / 60) },
    { unit: 'minute', count: minutes % 60 },
  ]
  return parts.filter((part) => part.count > 0)
}
