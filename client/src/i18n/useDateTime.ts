import { useTranslation } from 'react-i18next'
import { dateLocale } from '../../../shared/i18n/dateLocale.js'
import { Language } from '../../../shared/i18n/languages.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'

/** `formatDateTime` in the interface language: the month as a word, the time zone named. */
export function useDateTime(): (moment: string | number | Date) => string {
  const { i18n } = useTranslation()
  const language = Language.catch('en').parse(i18n.resolvedLanguage)
  return (moment) => formatDateTime(moment, dateLocale[language])
}
