import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import enClient from '../../../shared/i18n/locales/en/client.json'
import kkClient from '../../../shared/i18n/locales/kk/client.json'
import ruClient from '../../../shared/i18n/locales/ru/client.json'
import { defaultLanguage, Language } from '../../../shared/i18n/languages.js'

/** The client's catalogues, bundled: three small files cost less than a request each. */
const resources = {
  en: { client: enClient },
  kk: { client: kkClient },
  ru: { client: ruClient },
}

/** A ready i18next instance for the interface, speaking `language`; plurals follow Intl.PluralRules. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: Language.options,
    ns: ['client'],
    defaultNS: 'client',
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    // The catalogues are in memory, so the instance is ready before the first render.
    initAsync: false,
  })
  return instance
}
