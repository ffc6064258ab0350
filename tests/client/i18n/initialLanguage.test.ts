import { describe, expect, it } from 'vitest'
import { browserLanguage } from '../../../client/src/i18n/initialLanguage.js'

describe("a visitor's language before sign-in", () => {
  it("is the first of the browser's languages that the interface speaks, by its primary subtag", () => {
    expect(browserLanguage(['de-DE', 'kk-KZ', 'ru'])).toBe('kk')
    expect(browserLanguage(['RU-ru', 'en'])).toBe('ru')
    expect(browserLanguage(['en-US'])).toBe('en')
    expect(browserLanguage(['de', 'fr-CA', 'kkx'])).toBeNull()
    expect(browserLanguage([])).toBeNull()
  })
})
