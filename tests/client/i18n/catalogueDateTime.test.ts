import { describe, expect, it } from 'vitest'
import { catalogueDateTime } from '../../../client/src/i18n/catalogueDateTime.js'
import { createI18n } from '../../../client/src/i18n/createI18n.js'

const moment = '2026-12-09T21:30:00Z'

describe('a date where the browser lacks the language', () => {
  it('is written with the catalogue’s month names in the language’s order, the time in 24 hours and the zone named', () => {
    expect(catalogueDateTime(createI18n('kk').t, moment, 'UTC')).toBe('2026 ж. 9 жел., 21:30 UTC')
    expect(catalogueDateTime(createI18n('ru').t, moment, 'UTC')).toBe('9 дек. 2026 г., 21:30 UTC')
    expect(catalogueDateTime(createI18n('en').t, '2026-03-01T08:05:00Z', 'Asia/Almaty')).toBe('1 Mar 2026, 13:05 GMT+5')
  })
})
