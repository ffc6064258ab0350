import { z } from 'zod'
import { Language } from '../i18n/languages.js'

/** Body of PUT /api/session/language, and its answer: the interface language the person chose. */
export const LanguageChoice = z.strictObject({ language: Language })
export type LanguageChoice = z.infer<typeof LanguageChoice>
