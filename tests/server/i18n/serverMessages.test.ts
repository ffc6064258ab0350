import { describe, expect, it } from 'vitest'
import type { Message } from '../../../shared/i18n/messageKeys.js'
import { serverMessage } from '../../../server/src/i18n/serverI18n.js'

const found = (count: number): Message => ({
  key: 'invisible_characters',
  values: { count, list: Array.from({ length: Math.min(count, 3) }, (_, index) => ({ key: 'invisible_character', values: { codePoint: `U+000${index}`, where: 'PP1' } })) },
})

describe('server messages', () => {
  it('fill in messages given as values, joining lists the way the language does', () => {
    expect(serverMessage('en', found(3))).toBe('The text holds 3 invisible control characters: U+0000 in PP1, U+0001 in PP1 and U+0002 in PP1. Remove them, or confirm to freeze anyway.')
    expect(serverMessage('ru', found(3))).toBe('В тексте 3 невидимых управляющих символа: U+0000 в PP1, U+0001 в PP1 и U+0002 в PP1. Удалите их или подтвердите фиксацию.')
    expect(serverMessage('kk', found(2))).toBe('Мәтінде 2 көрінбейтін басқару таңбасы бар: PP1 ішінде U+0000 және PP1 ішінде U+0001. Оларды жойыңыз немесе бәрібір бекітуді растаңыз.')
  })

  it('pick the Russian plural form by the count: one, few, many', () => {
    expect(serverMessage('ru', found(1))).toMatch(/^В тексте 1 невидимый управляющий символ:/)
    expect(serverMessage('ru', found(21))).toMatch(/^В тексте 21 невидимый управляющий символ:/)
    expect(serverMessage('ru', found(4))).toMatch(/^В тексте 4 невидимых управляющих символа:/)
    expect(serverMessage('ru', found(5))).toMatch(/^В тексте 5 невидимых управляющих символов:/)
    expect(serverMessage('ru', found(11))).toMatch(/^В тексте 11 невидимых управляющих символов:/)
  })

  it('do not read placeholders or nesting out of the values people typed', () => {
    expect(serverMessage('en', { key: 'unknown_declaration', values: { name: '{{name}} $t(internal)' } })).toBe('There is no declaration "{{name}} $t(internal)".')
  })
})
