import { describe, expect, it } from 'vitest'
import { translator } from '../../../server/src/i18n/serverI18n.js'
import type { Language } from '../../../shared/i18n/languages.js'
import { attributeAccepted } from '../../../shared/negotiation/redlineAttribution.js'
import { canonicalText } from '../../../shared/versions/canonicalText.js'
import { redline } from '../../../shared/versions/redline.js'
import { redlineSummary, summaryLine } from '../../../shared/versions/redlineSummary.js'
import { declarationDoc } from './fixtures.js'

const text = (paragraphs: [string, string][], title = 'Draft') => canonicalText(declarationDoc(title, paragraphs.map(([id, words]) => [id, 'operative', [words]])))

/** A redline's summary in words, as a reader of `language` sees it. */
function summaryIn(compared: ReturnType<typeof redline>, language: Language): string {
  const { t, locale } = translator('exports', language)
  return summaryLine(redlineSummary(compared).map((message) => t(message.key, message.values)), t('versions.redline.noChanges'), locale)
}

const zero = text([
  ['op0000000001', 'States shall ensure access.'],
  ['op0000000002', 'States shall report.'],
  ['op0000000003', 'States shall cooperate.'],
])
const rev = text(
  [
    ['op0000000001', 'States should ensure access.'],
    ['op0000000003', 'States shall cooperate fully.'],
    ['op0000000004', 'States shall review progress.'],
  ],
  'Revised draft',
)

describe('a redline summary in the reader’s language', () => {
  it('reads in English exactly as the redline’s own summary', () => {
    for (const [older, newer] of [
      [zero, rev],
      [zero, zero],
      [rev, zero],
    ] as const) {
      const compared = redline(older, newer)
      expect(summaryIn(compared, 'en')).toBe(compared.summary)
    }
  })

  it('reads in Kazakh and Russian as whole clauses, with the plural the count of paragraphs asks for', () => {
    const compared = redline(zero, rev)
    expect(compared.summary).toBe('The title changed; OP1 and OP2 changed; OP3 added; OP2 (old numbering) deleted.')
    expect(summaryIn(compared, 'ru')).toBe('Изменено название; OP1 и OP2 изменены; OP3 добавлен; OP2 (прежняя нумерация) удалён.')
    expect(summaryIn(compared, 'kk')).toBe('Тақырыбы өзгерді; OP1 және OP2 өзгерді; OP3 қосылды; OP2 (ескі нөмірлеу бойынша) жойылды.')
    expect(summaryIn(redline(zero, zero), 'ru')).toBe('Изменений нет.')
    expect(summaryIn(redline(zero, zero), 'kk')).toBe('Өзгеріс жоқ.')
  })

  it('names an accepted amendment by its paragraph in each language', () => {
    const [line] = attributeAccepted(redline(zero, rev), [{ amendment: 'A7', clauseId: 'op0000000001', delegationName: 'Kazakhstan', revised: true }])
    const words = (language: Language) => translator('exports', language).t(line!.message.key, line!.message.values)
    expect(words('en')).toBe('OP1: A7 (Kazakhstan) accepted as revised')
    expect(words('ru')).toBe('OP1: поправка A7 (Kazakhstan) принята в изменённой формулировке')
    expect(words('kk')).toBe('OP1: A7 түзетуі (Kazakhstan) өзгертілген түрде қабылданды')
  })
})
