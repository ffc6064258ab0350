import type { TFunction } from 'i18next'

/** The month's short name from the catalogue; the keys are listed in shared/i18n/dynamicKeys.ts. */
const monthName = (t: TFunction, month: string) => t(`date.month.${Number(month)}`)

/**
 * A moment as `formatDateTime` writes it (day, month as a word, year, 24-hour time, the zone named), for a language
 * whose month names the browser lacks: Intl gives the numbers and the zone, the catalogue the words and their order.
 */
export function catalogueDateTime(t: TFunction, moment: string | number | Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(typeof moment === 'object' ? moment : new Date(moment))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return t('date.dateTime', {
    day: String(Number(part('day'))),
    month: monthName(t, part('month')),
    year: part('year'),
    time: `${part('hour')}:${part('minute')}`,
    zone: part('timeZoneName'),
  })
}
