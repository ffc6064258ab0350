import { describe, expect, it } from 'vitest'
import { withNegotiation } from '../../../shared/versions/canonicalNegotiation.js'
import { canonicalText } from '../../../shared/versions/canonicalText.js'
import { negotiationChanges, type NegotiationChanges } from '../../../shared/versions/negotiationChanges.js'
import { translator } from '../../../server/src/i18n/serverI18n.js'
import { declarationDoc } from './fixtures.js'

const text = (ids: string[]) =>
  canonicalText(
    declarationDoc(
      'Draft',
      ids.map((id) => [id, 'operative', [id === 'op0000000002' ? 'States shall ensure access;' : `Text of ${id};`]]),
    ),
  )

const bracket = { id: 'b1', clauseId: 'op0000000002', start: 7, end: 12, requestedBy: ['USA'], reason: '', placedBy: 'chair' }
const alternatives = { id: 'a1', clauseId: 'op0000000001', start: 0, end: 4, options: [{ text: 'Text', proposedBy: ['POL'] }, { text: 'Words', proposedBy: ['CHN'] }] }

/** The changes' messages in words, English unless told. */
const sentences = (changes: NegotiationChanges, language: 'en' | 'kk' | 'ru' = 'en') => changes.messages.map((message) => translator('exports', language).t(message.key, message.values))

describe('changes in the negotiation state between two versions', () => {
  it('names status changes, brackets placed and lifted, and alternatives proposed and resolved', () => {
    const ids = ['op0000000001', 'op0000000002', 'op0000000003']
    const zero = withNegotiation(text(ids), { statuses: [{ clauseId: 'op0000000001', status: 'ad-referendum' }], brackets: [bracket], alternatives: [] })
    const rev1 = withNegotiation(text(ids), { statuses: [{ clauseId: 'op0000000001', status: 'agreed' }, { clauseId: 'op0000000003', status: 'ad-referendum' }], brackets: [], alternatives: [alternatives] })
    const rev2 = withNegotiation(text(ids), { statuses: [], brackets: [{ ...bracket, id: 'b2' }], alternatives: [] })

    const first = negotiationChanges(zero, rev1)
    expect(first.statuses).toEqual([
      { clauseId: 'op0000000001', label: 'OP1', from: 'ad-referendum', to: 'agreed' },
      { clauseId: 'op0000000003', label: 'OP3', from: 'open', to: 'ad-referendum' },
    ])
    expect(first.bracketsLifted).toEqual([{ id: 'b1', clauseId: 'op0000000002', label: 'OP2', words: 'shall', requestedBy: ['USA'] }])
    expect(sentences(first)).toEqual([
      'OP1: agreed ad referendum → agreed',
      'OP3: open → agreed ad referendum',
      'OP2: bracket lifted from “shall”',
      'OP1: 2 alternatives proposed',
    ])
    expect(sentences(negotiationChanges(rev1, rev2))).toEqual([
      'OP1: agreed → open',
      'OP3: agreed ad referendum → open',
      'OP2: bracket placed around “shall”',
      'OP1: alternatives resolved (Alt 1 “Text” / Alt 2 “Words”)',
    ])
  })

  it('reads a form 1 version as all open with nothing bracketed', () => {
    const ids = ['op0000000001', 'op0000000002']
    const old = text(ids)
    const now = withNegotiation(text(ids), { statuses: [{ clauseId: 'op0000000002', status: 'agreed' }], brackets: [], alternatives: [] })
    expect(sentences(negotiationChanges(old, now))).toEqual(['OP2: open → agreed'])
    expect(sentences(negotiationChanges(old, text(ids)))).toEqual([])
  })

  it('names label changes old to new, as renumbering makes them', () => {
    const before = { ...text(['op0000000001', 'op0000000002']) }
    before.blocks = before.blocks.map((block) => (block.type === 'clause' && block.id === 'op0000000002' ? { ...block, label: 'OP1bis' } : block))
    expect(negotiationChanges(before, text(['op0000000001', 'op0000000002'])).labels).toEqual([{ clauseId: 'op0000000002', from: 'OP1bis', to: 'OP2' }])
    expect(sentences(negotiationChanges(before, text(['op0000000001', 'op0000000002'])))).toEqual(['OP1bis → OP2'])
  })

  it('reads each change as one whole sentence in Kazakh and Russian, with the plural the count asks for', () => {
    const ids = ['op0000000001', 'op0000000002', 'op0000000003']
    const zero = withNegotiation(text(ids), { statuses: [], brackets: [bracket], alternatives: [] })
    const rev1 = withNegotiation(text(ids), { statuses: [{ clauseId: 'op0000000001', status: 'agreed' }], brackets: [], alternatives: [alternatives] })
    const rev2 = withNegotiation(text(ids), { statuses: [{ clauseId: 'op0000000001', status: 'agreed' }], brackets: [], alternatives: [] })
    expect(sentences(negotiationChanges(zero, rev1), 'ru')).toEqual(['OP1: открыто → согласовано', 'OP2: с «shall» сняты квадратные скобки', 'OP1: предложено 2 варианта'])
    expect(sentences(negotiationChanges(rev1, rev2), 'ru')).toEqual(['OP1: выбран один из вариантов (Вариант 1 «Text» / Вариант 2 «Words»)'])
    expect(sentences(negotiationChanges(zero, rev1), 'kk')).toEqual(['OP1 тармағы: ашық → келісілді', 'OP2: «shall» төртбұрышты жақшадан шығарылды', 'OP1: 2 балама ұсынылды'])
    expect(sentences(negotiationChanges(rev1, rev2), 'kk')).toEqual(['OP1: баламалардың бірі таңдалды (1-нұсқа «Text», 2-нұсқа «Words»)'])
  })
})
