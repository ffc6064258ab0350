import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../client/src/i18n/createI18n.js'

/** The plural form i18next picks for a count, and the text it gives. */
function pick(language: 'en' | 'kk' | 'ru', count: number): { form: string; text: string } {
  const details = createI18n(language).t('presence.heading', { count, returnDetails: true })
  return { form: details.exactUsedKey.replace('presence.heading_', ''), text: details.res }
}

const counts = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]

describe('plural forms', () => {
  it('follow Russian: one for 1, 21, 101; few for 2–4, 22; many for 0, 5–20, 25, 111', () => {
    expect(counts.map((count) => pick('ru', count).form)).toEqual(['many', 'one', 'few', 'few', 'many', 'many', 'many', 'many', 'one', 'few', 'many', 'one', 'many'])
    expect([1, 2, 5, 21, 22, 25, 11].map((count) => pick('ru', count).text)).toEqual([
      'В документе 1 человек',
      'В документе 2 человека',
      'В документе 5 человек',
      'В документе 21 человек',
      'В документе 22 человека',
      'В документе 25 человек',
      'В документе 11 человек',
    ])
  })

  it('follow Kazakh: one for 1 alone, other for every other count, 21 included', () => {
    expect(counts.map((count) => pick('kk', count).form)).toEqual(counts.map((count) => (count === 1 ? 'one' : 'other')))
    expect(pick('kk', 21).text).toBe('Құжатта 21 адам бар')
  })

  it('follow English: one for 1, other for 0, 11 and 21', () => {
    expect([1, 0, 11, 21].map((count) => pick('en', count).text)).toEqual([
      'In this document: 1 person',
      'In this document: 0 people',
      'In this document: 11 people',
      'In this document: 21 people',
    ])
  })

  it('write numbers in the language: a decimal comma in Russian and Kazakh', () => {
    expect(createI18n('ru').t('size.mib', { value: 1.5 })).toBe('1,5 МиБ')
    expect(createI18n('kk').t('size.mib', { value: 1.5 })).toBe('1,5 МиБ')
    expect(createI18n('en').t('size.mib', { value: 1.5 })).toBe('1.5 MiB')
  })
})
