const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`

/** The time left before a deadline in words, to the minute ("2 days, 3 hours and 5 minutes left"). */
export function countdownWords(deadline: number, now: number): string {
  const left = deadline - now
  if (left <= 0) return 'The deadline has passed.'
  if (left < MINUTE) return 'Less than a minute left.'
  const minutes = Math.floor(left / MINUTE)
  const parts = [
    [Math.floor(minutes / (DAY / MINUTE)), 'day'],
    [Math.floor((minutes % (DAY / MINUTE)) / 60), 'hour'],
    [minutes % 60, 'minute'],
  ] as const
  const words = parts.filter(([count]) => count > 0).map(([count, name]) => unit(count, name))
  const last = words.pop()!
  return `${words.length > 0 ? `${words.join(', ')} and ${last}` : last} left.`
}
