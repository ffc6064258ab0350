import type { TFunction } from 'i18next'
import { countdownParts, type CountdownPart } from '../../../shared/silence/countdown.js'

function partWords(t: TFunction, part: CountdownPart): string {
  switch (part.unit) {
    case 'day':
      return t('silence.countdown.days', { count: part.count })
    case 'hour':
      return t('silence.countdown.hours', { count: part.count })
    case 'minute':
      return t('silence.countdown.minutes', { count: part.count })
  }
}

/** The time left before a deadline in words, to the minute ("2 days, 3 hours and 5 minutes left."). */
export function countdownWords(t: TFunction, deadline: number, now: number): string {
  const parts = countdownParts(deadline, now)
  if (parts === 'passed') return t('silence.countdown.passed')
  if (parts === 'underMinute') return t('silence.countdown.underMinute')
  const [first = '', second = '', third = ''] = parts.map((part) => partWords(t, part))
  if (parts.length === 1) return t('silence.countdown.left', { time: first })
  const time = parts.length === 2 ? t('silence.countdown.two', { first, last: second }) : t('silence.countdown.three', { first, second, last: third })
  return t('silence.countdown.left', { time })
}
