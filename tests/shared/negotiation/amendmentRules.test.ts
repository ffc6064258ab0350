import { describe, expect, it } from 'vitest'
import type { AmendmentRecord, PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { decideAmendment, editAmendment, markNeedsUpdate, NegotiationRefusal, proposeAmendment, setStance, withdrawAmendment } from '../../../shared/negotiation/amendmentRules.js'
import { serializePendingAmendments } from '../../../shared/negotiation/pendingAmendments.js'

const kaz: PersonRef = { id: 'p1', name: 'Ержан Нұрланұлы', delegation: 'KAZ' }
const pol: PersonRef = { id: 'p2', name: 'Katarzyna Nowak', delegation: 'POL' }
const pol2: PersonRef = { id: 'p3', name: 'Jan Kowalski', delegation: 'POL' }
const chair: PersonRef = { id: 'p4', name: 'Aigerim Seitkali', delegation: 'UNESCO' }
const change = { kind: 'paragraph.delete', clauseId: 'abcdef', against: { text: 'Words.', sha256: 'a'.repeat(64) } } as const

const fresh = (number = 1): AmendmentRecord => proposeAmendment({ id: `id${number}`, number, change, justification: '', by: kaz, at: 't0' })

function refusal(step: () => unknown): string {
  try {
    step()
  } catch (error) {
    if (error instanceof NegotiationRefusal) return `${error.status} ${error.code}`
    throw error
  }
  return 'allowed'
}

describe('amendment rules', () => {
  it('keeps at most one stance per delegation, whoever of it takes it, and never on the own amendment', () => {
    const first = setStance(fresh(), 'supporter', pol, 't1')
    const second = setStance(first, 'opposer', pol2, 't2')
    expect(second.stances).toEqual([{ delegation: 'POL', stance: 'opposer', at: 't2', by: pol2 }])
    expect(setStance(second, null, pol, 't3').stances).toEqual([])
    expect(refusal(() => setStance(fresh(), 'co-sponsor', kaz, 't1'))).toBe('409 own_amendment')
    // The record passed in is never changed.
    expect(first.stances).toHaveLength(1)
  })

  it('lets only the proposing delegation withdraw and edit, a moderator edit, and nobody change a decided one', () => {
    expect(refusal(() => withdrawAmendment(fresh(), pol, 't1'))).toBe('403 not_proposer')
    expect(refusal(() => editAmendment(fresh(), change, 'why', pol, 't1', false))).toBe('403 not_proposer')
    expect(editAmendment(fresh(), change, 'why', chair, 't1', true).edits).toEqual([{ by: chair, at: 't1' }])
    const rejected = decideAmendment(fresh(), { status: 'rejected', reason: 'No.' }, chair, 't2')
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'No.', decidedBy: chair })
    for (const step of [() => withdrawAmendment(rejected, kaz, 't3'), () => setStance(rejected, 'supporter', pol, 't3'), () => decideAmendment(rejected, { status: 'accepted' }, chair, 't3')]) {
      expect(refusal(step)).toBe('409 amendment_closed')
    }
  })

  it('puts an amendment that needs an update back to pending when it is edited', () => {
    const flagged = markNeedsUpdate(fresh())
    expect(flagged.status).toBe('needs-update')
    expect(editAmendment(flagged, change, '', kaz, 't1', false).status).toBe('pending')
  })

  it('lists only open amendments, by number, in one canonical form', () => {
    const records = [fresh(3), withdrawAmendment(fresh(2), kaz, 't1'), markNeedsUpdate(fresh(1))]
    const listed = JSON.parse(serializePendingAmendments(records)) as { amendments: { label: string }[] }
    expect(listed.amendments.map((amendment) => amendment.label)).toEqual(['A1', 'A3'])
    expect(serializePendingAmendments([...records].reverse())).toBe(serializePendingAmendments(records))
  })
})
