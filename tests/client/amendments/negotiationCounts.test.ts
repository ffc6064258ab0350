import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../client/src/i18n/createI18n.js'

const counts = [1, 3, 5, 21]

/** The brackets panel's line for a number of brackets, of sets of alternatives and of paragraphs. */
function bracketLine(language: 'en' | 'kk' | 'ru', brackets: number, alternatives: number, paragraphs: number): string {
  const { t } = createI18n(language)
  return t('brackets.counts', { brackets: t('brackets.bracketCount', { count: brackets }), alternatives: t('brackets.alternativesCount', { count: alternatives }), paragraphs: t('brackets.paragraphCount', { count: paragraphs }) })
}

describe('counts of amendments and brackets', () => {
  it('name a paragraph’s amendments with the plural form each count takes', () => {
    const heading = (language: 'en' | 'kk' | 'ru', count: number) => createI18n(language).t('amendments.paragraphCount', { paragraph: 'OP3', count })
    expect(counts.map((count) => heading('ru', count))).toEqual(['OP3 (1 поправка)', 'OP3 (3 поправки)', 'OP3 (5 поправок)', 'OP3 (21 поправка)'])
    expect(counts.map((count) => heading('kk', count))).toEqual(['OP3 (1 түзету)', 'OP3 (3 түзету)', 'OP3 (5 түзету)', 'OP3 (21 түзету)'])
    expect(counts.map((count) => heading('en', count))).toEqual(['OP3 (1 amendment)', 'OP3 (3 amendments)', 'OP3 (5 amendments)', 'OP3 (21 amendments)'])
  })

  it('count open brackets, alternatives and paragraphs in one sentence, each noun in the form its number asks', () => {
    expect(bracketLine('en', 1, 0, 1)).toBe('1 bracket and 0 sets of alternatives open, in 1 paragraph')
    expect(bracketLine('en', 21, 3, 5)).toBe('21 brackets and 3 sets of alternatives open, in 5 paragraphs')
    expect(counts.map((count) => bracketLine('ru', count, count, count))).toEqual([
      'Открыто: 1 квадратная скобка и 1 набор вариантов, в 1 пункте',
      'Открыто: 3 квадратные скобки и 3 набора вариантов, в 3 пунктах',
      'Открыто: 5 квадратных скобок и 5 наборов вариантов, в 5 пунктах',
      'Открыто: 21 квадратная скобка и 21 набор вариантов, в 21 пункте',
    ])
    expect(bracketLine('kk', 21, 1, 3)).toBe('3 тармақта 21 төртбұрышты жақша және 1 балама нұсқалар жиыны ашық')
  })
})
