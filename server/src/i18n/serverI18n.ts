import i18next from 'i18next'
import { defaultLanguage, type Language } from '../../../shared/i18n/languages.js'
import enExports from '../../../shared/i18n/locales/en/exports.json'
import enNegotiation from '../../../shared/i18n/locales/en/negotiation.json'
import enServer from '../../../shared/i18n/locales/en/server.json'
import enVerify from '../../../shared/i18n/locales/en/verify.json'
import kkExports from '../../../shared/i18n/locales/kk/exports.json'
import kkNegotiation from '../../../shared/i18n/locales/kk/negotiation.json'
import kkServer from '../../../shared/i18n/locales/kk/server.json'
import kkVerify from '../../../shared/i18n/locales/kk/verify.json'
import ruExports from '../../../shared/i18n/locales/ru/exports.json'
import ruNegotiation from '../../../shared/i18n/locales/ru/negotiation.json'
import ruServer from '../../../shared/i18n/locales/ru/server.json'
import ruVerify from '../../../shared/i18n/locales/ru/verify.json'
import type { ExportsKey, Message, MessageValues, NegotiationKey, ServerMessageKey, VerifyKey } from '../../../shared/i18n/messageKeys.js'

/** The namespaces the server speaks, each with the keys it holds. */
interface Namespaces {
  server: ServerMessageKey
  exports: ExportsKey
  negotiation: NegotiationKey
  verify: VerifyKey
}

/** The locale each language formats dates, numbers and lists in. */
export const languageLocale: Record<Language, string> = { en: 'en-GB', kk: 'kk-KZ', ru: 'ru-RU' }

// One instance with every catalogue loaded up front; it is read with a fixed language per call and never changed.
const i18n = i18next.createInstance()
void i18n.init({
  resources: {
    en: { server: enServer, exports: enExports, negotiation: enNegotiation, verify: enVerify },
    kk: { server: kkServer, exports: kkExports, negotiation: kkNegotiation, verify: kkVerify },
    ru: { server: ruServer, exports: ruExports, negotiation: ruNegotiation, verify: ruVerify },
  },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  ns: ['server', 'exports', 'negotiation', 'verify'],
  defaultNS: 'server',
  initAsync: false,
  // Messages go out as JSON, PDF and DOCX runs or terminal lines, never as HTML.
  interpolation: { escapeValue: false },
})

/** Puts messages of one namespace into words in one language. */
export interface Translator<K extends string> {
  language: Language
  locale: string
  /** The message for `key`, with its values (and any messages among them) filled in. */
  t(key: K, values?: MessageValues<K>): string
}

/** A translator for one namespace and language. */
export function translator<N extends keyof Namespaces>(namespace: N, language: Language): Translator<Namespaces[N]> {
  const locale = languageLocale[language]
  const list = new Intl.ListFormat(locale, { type: 'conjunction' })
  const t = (key: Namespaces[N], values: MessageValues<Namespaces[N]> = {}): string => {
    const filled: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(values)) {
      if (Array.isArray(value)) filled[name] = list.format(value.map((item) => (typeof item === 'string' ? item : t(item.key, item.values))))
      else if (typeof value === 'object') filled[name] = t(value.key, value.values)
      else filled[name] = value
    }
    return String(i18n.t(key, { ...filled, lng: language, ns: namespace }))
  }
  return { language, locale, t }
}

const pluralSuffix = /_(?:zero|one|two|few|many|other)$/

/** The keys a catalogue holds as code names them: nested keys joined by dots, plural forms as one. */
function keysOf(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key.replace(pluralSuffix, '')}`] : keysOf(value as object, `${prefix}${key}.`)))
}

const serverKeys = new Set(keysOf(enServer))

/** True when a string is a key of the `server` catalogue, such as a schema's refinement message. */
export function isServerMessageKey(text: string): text is ServerMessageKey {
  return serverKeys.has(text)
}

/** An API error message in the given language. */
export function serverMessage(language: Language, message: Message): string {
  return translator('server', language).t(message.key, message.values)
}
