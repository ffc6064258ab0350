import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../client/src/i18n/createI18n.js'
import { countdownWords } from '../../../client/src/silence/countdownWords.js'

const minute = 60_000
const words = (language: 'en' | 'kk' | 'ru', left: number) => countdownWords(createI18n(language).t, left, 0)

describe('the silence countdown in words', () => {
  it('reads in English as it always has', () => {
    expect(words('en', 72 * 60 * minute)).toBe('3 days left.')
    expect(words('en', 72 * 60 * minute - 30_000)).toBe('2 days, 23 hours and 59 minutes left.')
    expect(words('en', 61 * minute)).toBe('1 hour and 1 minute left.')
    expect(words('en', 30_000)).toBe('Less than a minute left.')
    expect(words('en', 0)).toBe('The deadline has passed.')
  })

  it('takes each language’s plural forms, with the Russian one, few and many', () => {
    expect(words('ru', (24 * 60 + 2 * 60 + 5) * minute)).toBe('Осталось: 1 день, 2 часа и 5 минут.')
    expect(words('ru', (21 * 60 + 1) * minute)).toBe('Осталось: 21 час и 1 минута.')
    expect(words('ru', 22 * minute)).toBe('Осталось: 22 минуты.')
    expect(words('kk', (2 * 24 * 60 + 3) * minute)).toBe('Қалғаны: 2 күн және 3 минут.')
  })
})
