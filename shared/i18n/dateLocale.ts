import type { Language } from './languages.js'

/** The Intl locale that writes dates and numbers for each interface language. */
export const dateLocale: Record<Language, string> = { en: 'en-GB', kk: 'kk-KZ', ru: 'ru-RU' }
