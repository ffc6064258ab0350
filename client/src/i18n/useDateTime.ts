import { useTranslation } from 'react-i18next'
import { dateLocale } from '../../../shared/i18n/dateLocale.js'
import { Language } from '../../../shared/i18n/languages.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import { catalogueDateTime } from './catalogueDateTime.js'
import { hasIntlData } from './intlData.js'

/** `formatDateTime` in the interface language (the month as a word, the time zone named), even where Intl lacks it. */
export function useDateTime(): (moment: string | number | Date) => string {
  const { t, i18n } = useTranslation()
  const locale = dateLocale[Language.catch('en').parse(i18n.resolvedLanguage)]
  return hasIntlData(locale) ? (moment) => formatDateTime(moment, locale) : (moment) => catalogueDateTime(t, moment)
}
