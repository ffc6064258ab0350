import { useTranslation } from 'react-i18next'
import { dateLocale } from '../../../shared/i18n/dateLocale.js'
import { Language } from '../../../shared/i18n/languages.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import { catalogueDateTime } from './catalogueDateTime.js'
import { hasIntlData } from './intlData.js'

/** `formatDateTime` in the interface language (the month as a word, the time zone named), even where Intl lacks it; in the reader's zone unless one is given. */
export function useDateTime(): (moment: string | number | Date, timeZone?: string) => string {
  const { t, i18n } = useTranslation()
  const locale = dateLocale[Language.catch('en').parse(i18n.resolvedLanguage)]
  return hasIntlData(locale) ? (moment, timeZone) => formatDateTime(moment, locale, timeZone) : (moment, timeZone) => catalogueDateTime(t, moment, timeZone)
}
