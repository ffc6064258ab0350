import type { i18n } from 'i18next'

/** Keeps `<html lang>` and `dir` on the interface language, so screen readers pick the right voice. */
export function followDocumentLanguage(instance: i18n, root: HTMLElement = document.documentElement): () => void {
  const apply = (language: string) => {
    root.lang = language
    root.dir = instance.dir(language)
  }
  apply(instance.resolvedLanguage ?? instance.language)
  instance.on('languageChanged', apply)
  return () => instance.off('languageChanged', apply)
}
