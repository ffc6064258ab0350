import { defaultLanguage, Language } from '../../../shared/i18n/languages.js'

const STORAGE_KEY = 'kelisim:language'

/** The first of the browser's preferred languages (`kk-KZ`, `ru`, ...) that the interface speaks. */
export function browserLanguage(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    const parsed = Language.safeParse(tag.toLowerCase().split('-')[0])
    if (parsed.success) return parsed.data
  }
  return null
}

/** The language last chosen in this browser, if any. */
export function storedLanguage(storage: Storage = window.localStorage): Language | null {
  const parsed = Language.safeParse(storage.getItem(STORAGE_KEY))
  return parsed.success ? parsed.data : null
}

/** Keeps the language for this browser's next visit before sign-in. */
export function storeLanguage(language: Language, storage: Storage = window.localStorage): void {
  storage.setItem(STORAGE_KEY, language)
}

/** What a visitor sees before the server knows them: their last choice here, else their browser's languages. */
export function initialLanguage(): Language {
  return storedLanguage() ?? browserLanguage(navigator.languages) ?? defaultLanguage
}
