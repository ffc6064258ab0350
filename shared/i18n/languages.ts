import { z } from 'zod'

/** The languages the interface speaks: English, Kazakh (Cyrillic) and Russian. */
export const Language = z.enum(['en', 'kk', 'ru'])
export type Language = z.infer<typeof Language>

/** The language used when nothing else is known. */
export const defaultLanguage: Language = 'en'

/** Each language named in itself, for the language switcher. */
export const languageNames: Record<Language, string> = { en: 'English', kk: 'Қазақша', ru: 'Русский' }
