/** The interface language's locale; English until the interface speaks more languages. */
export const DEFAULT_LOCALE = 'en-GB'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`
  let formatter = formatters.get(key)
  if (!formatter) {
    // The month is a word and the zone is named, so "1 Dec 2026, 21:30 UTC" reads the same in every country.
    formatter = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    })
    formatters.set(key, formatter)
  }
  return formatter
}

/** A moment as an unambiguous date and time with its time zone, in the given locale (the reader's zone by default). */
export function formatDateTime(moment: string | number | Date, locale: string = DEFAULT_LOCALE, timeZone?: string): string {
  return formatterFor(locale, timeZone).format(typeof moment === 'object' ? moment : new Date(moment))
}
