import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { dateLocale } from '../../../shared/i18n/dateLocale.js'
import { Language } from '../../../shared/i18n/languages.js'
import type { ExportsKey, Message } from '../../../shared/i18n/messageKeys.js'

/** A message that shared code built (audit log, redline) in the interface language, the messages among its values put in first and lists joined with "and". */
export function messageText(t: TFunction, language: string | undefined, message: Message<ExportsKey>): string {
  const list = new Intl.ListFormat(dateLocale[Language.catch('en').parse(language)], { type: 'conjunction' })
  const words = ({ key, values = {} }: Message<ExportsKey>): string => {
    const filled: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(values)) {
      if (Array.isArray(value)) filled[name] = list.format(value.map((item) => (typeof item === 'string' ? item : words(item))))
      else filled[name] = typeof value === 'object' ? words(value) : value
    }
    return t(key, { ...filled, ns: 'exports' })
  }
  return words(message)
}

/** `messageText` bound to the interface language. */
export function useMessageText(): (message: Message<ExportsKey>) => string {
  const { t, i18n } = useTranslation()
  return (message) => messageText(t, i18n.resolvedLanguage, message)
}
