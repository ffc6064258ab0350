import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../client/src/i18n/createI18n.js'
import { translator } from '../../../server/src/i18n/serverI18n.js'
import type { Language } from '../../../shared/i18n/languages.js'
import type { AmendmentChange, AmendmentView, Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { describeChange } from '../../../shared/negotiation/describeChange.js'
import { stanceSummary } from '../../../shared/negotiation/stanceSummary.js'

const author = (code: string, name: string) => ({ id: code, name: `${name} delegate`, delegation: { code, name, color: '#123456' } })
const against = { text: 'Words.', sha256: 'a'.repeat(64) }
const labels: Record<string, string> = { c3: 'OP3', c5: 'PP5' }
const labelOf = (clauseId: string) => labels[clauseId] ?? '?'

function amendment(stances: [string, string, Stance][], change: AmendmentChange = { kind: 'paragraph.delete', clauseId: 'c3', against }): AmendmentView {
  return {
    id: 'a1',
    number: 1,
    label: 'A1',
    change,
    justification: '',
    proposedBy: author('KAZ', 'Kazakhstan'),
    proposedAt: '2026-12-02T05:00:00Z',
    status: 'pending',
    stances: stances.map(([code, name, stance]) => ({ delegation: author(code, name).delegation, stance, at: '2026-12-02T05:01:00Z', by: author(code, name) })),
    decidedBy: null,
    decidedAt: null,
    reason: null,
    revision: null,
    edits: [],
    version: 1,
  }
}

const words: AmendmentChange = {
  kind: 'words',
  clauseId: 'c3',
  against,
  spans: [
    { start: 'x', end: 'y', original: 'shall', content: [{ text: 'should', marks: [] }] },
    { start: 'x', end: 'y', original: '', content: [{ text: 'all', marks: [] }] },
    { start: 'x', end: 'y', original: 'every', content: [] },
  ],
} as AmendmentChange

/** The change in words as the exports print it (the server's translator) and as the interface shows it (the client's catalogues); both must agree. */
function changeIn(language: Language, change: AmendmentChange): string {
  const exported = describeChange(change, labelOf)
    .map((message) => translator('negotiation', language).t(message.key, message.values))
    .join('; ')
  const shown = describeChange(change, labelOf)
    .map((message) => createI18n(language).t(message.key, { ...message.values, ns: 'negotiation' }))
    .join('; ')
  expect(shown).toBe(exported)
  return exported
}

function stancesIn(language: Language, view: AmendmentView): string {
  const message = stanceSummary(view)
  const exported = translator('negotiation', language).t(message.key, message.values)
  expect(createI18n(language).t(message.key, { ...message.values, ns: 'negotiation' })).toBe(exported)
  return exported
}

const everyStance: [string, string, Stance][] = [
  ['POL', 'Poland', 'co-sponsor'],
  ['CHN', 'China', 'supporter'],
  ['NGA', 'Nigeria', 'supporter'],
  ['USA', 'the United States', 'opposer'],
]

describe('what an amendment changes, in words', () => {
  it('says each word change and each paragraph change in English as the interface always has', () => {
    expect(changeIn('en', words)).toBe("replace 'shall' with 'should'; insert 'all'; delete 'every'")
    expect(changeIn('en', { kind: 'paragraph.insert', after: 'c5', clauseKind: 'preambular', content: [{ text: 'Recalling', marks: [] }] })).toBe("add a new preambular paragraph after PP5: 'Recalling'")
    expect(changeIn('en', { kind: 'paragraph.delete', clauseId: 'c3', against })).toBe('delete OP3')
    expect(changeIn('en', { kind: 'paragraph.move', clauseId: 'c3', after: 'c5', against })).toBe('move OP3 to after PP5')
  })

  it('says them in Kazakh and in Russian, the quoted words in guillemets', () => {
    expect(changeIn('kk', words)).toBe('«shall» сөздерін «should» сөздерімен ауыстыру; «all» сөздерін қосу; «every» сөздерін алып тастау')
    expect(changeIn('ru', words)).toBe('заменить «shall» на «should»; вставить «all»; исключить «every»')
    const operative: AmendmentChange = { kind: 'paragraph.insert', after: 'c3', clauseKind: 'operative', content: [{ text: 'Invites', marks: [] }] }
    expect(changeIn('kk', operative)).toBe('OP3 тармағынан кейін қаулы бөлігінің жаңа тармағын қосу: «Invites»')
    expect(changeIn('ru', operative)).toBe('добавить новый пункт постановляющей части после OP3: «Invites»')
    expect(changeIn('kk', { kind: 'paragraph.move', clauseId: 'c3', after: 'c5', against })).toBe('OP3 тармағын PP5 тармағынан кейін жылжыту')
    expect(changeIn('ru', { kind: 'paragraph.delete', clauseId: 'c3', against })).toBe('исключить OP3')
  })
})

describe('who stands where on an amendment, in words', () => {
  it('is one sentence in English for each set of stances, as the interface always wrote it', () => {
    expect(stancesIn('en', amendment([]))).toBe('proposed by Kazakhstan')
    expect(stancesIn('en', amendment(everyStance))).toBe('proposed by Kazakhstan, co-sponsored by Poland; supported by China, Nigeria; opposed by the United States')
    expect(stancesIn('en', amendment([everyStance[1]!]))).toBe('proposed by Kazakhstan; supported by China')
    expect(stancesIn('en', amendment([everyStance[0]!, everyStance[3]!]))).toBe('proposed by Kazakhstan, co-sponsored by Poland; opposed by the United States')
  })

  it('is one sentence in Kazakh and in Russian, naming the delegations after each stance', () => {
    expect(stancesIn('kk', amendment(everyStance))).toBe('ұсынған: Kazakhstan, бірлескен авторлары: Poland; қолдағандар: China, Nigeria; қарсылар: the United States')
    expect(stancesIn('ru', amendment(everyStance))).toBe('внесена: Kazakhstan, соавторы: Poland; поддержали: China, Nigeria; возражают: the United States')
    expect(stancesIn('ru', amendment([everyStance[3]!]))).toBe('внесена: Kazakhstan; возражают: the United States')
    expect(stancesIn('kk', amendment([]))).toBe('ұсынған: Kazakhstan')
  })
})
