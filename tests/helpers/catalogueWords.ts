import type { TFunction } from 'i18next'
import { createI18n } from '../../client/src/i18n/createI18n.js'
import type { Language } from '../../shared/i18n/languages.js'

/** The interface's own words in `language`, from the client's catalogues, so a test looks for what a reader of that language sees. */
export function catalogueWords(language: Language): TFunction {
  return createI18n(language).t
}

/** A pattern for a catalogue sentence whose `{{placeholder}}` values are not known in advance: each of `unknown` (a value or a `<name/>` element) matches any text. */
export function sentencePattern(t: TFunction, key: string, values: Record<string, string>, unknown: string[]): RegExp {
  const marks = Object.fromEntries(unknown.map((name, index) => [name, `⟦${index}⟧`]))
  // An unknown element (<key/>) is matched like an unknown value; the tags around known words are not text.
  const sentence = String(t(key, { ...values, ...marks }))
    .replace(/<([a-z]+)\/>/g, (tag, name: string) => marks[name] ?? tag)
    .replace(/<\/?[a-z]+>/g, '')
  const escaped = sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/⟦\d+⟧/g, '.+')
  return new RegExp(`^${escaped}$`)
}

/** A catalogue sentence written with `<Trans>` as the page shows its text: the `<name/>` elements filled from `parts`, the other tags dropped. */
export function shownText(t: TFunction, key: string, parts: Record<string, string>, values: Record<string, string> = {}): string {
  return String(t(key, values))
    .replace(/<([a-z]+)\/>/g, (tag, name: string) => parts[name] ?? tag)
    .replace(/<\/?[a-z]+>/g, '')
}
