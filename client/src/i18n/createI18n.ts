import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import enClient from '../../../shared/i18n/locales/en/client.json'
import enExports from '../../../shared/i18n/locales/en/exports.json'
import enNegotiation from '../../../shared/i18n/locales/en/negotiation.json'
import kkClient from '../../../shared/i18n/locales/kk/client.json'
import kkExports from '../../../shared/i18n/locales/kk/exports.json'
import kkNegotiation from '../../../shared/i18n/locales/kk/negotiation.json'
import ruClient from '../../../shared/i18n/locales/ru/client.json'
import ruExports from '../../../shared/i18n/locales/ru/exports.json'
import ruNegotiation from '../../../shared/i18n/locales/ru/negotiation.json'
import { dateLocale } from '../../../shared/i18n/dateLocale.js'
import { defaultLanguage, Language } from '../../../shared/i18n/languages.js'
import { hasIntlData } from './intlData.js'

/** The client's catalogues, bundled: small files cost less than a request each. `negotiation` and `exports` hold the sentences shared code builds as messages (amendments, audit log, redline), which the exports print too. */
const resources = {
  en: { client: enClient, negotiation: enNegotiation, exports: enExports },
  kk: { client: kkClient, negotiation: kkNegotiation, exports: kkExports },
  ru: { client: ruClient, negotiation: ruNegotiation, exports: ruExports },
}

/** Kazakhstan writes numbers as Russian does ("1 234,5"): the separators to use where the browser lacks Kazakh data. */
const numberFallback: Partial<Record<Language, string>> = { kk: 'ru-KZ' }

/** The locale whose digits and separators `{{value, number}}` uses for a language. */
function numberLocale(language: string | undefined): string {
  const parsed = Language.catch(defaultLanguage).parse(language)
  const locale = dateLocale[parsed]
  return hasIntlData(locale) ? locale : (numberFallback[parsed] ?? locale)
}

/** A ready i18next instance for the interface, speaking `language`; plurals follow Intl.PluralRules. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: Language.options,
    ns: ['client', 'negotiation', 'exports'],
    defaultNS: 'client',
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    // The catalogues are in memory, so the instance is ready before the first render.
    initAsync: false,
  })
  instance.services.formatter?.add('number', (value: number, language, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(numberLocale(language), options).format(value))
  return instance
}
