import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RoundLabel } from '../../../shared/negotiation/roundLabels.js'
import { canonicalFormProblem, withNegotiation } from '../../../shared/versions/canonicalNegotiation.js'
import { canonicalText, serializeCanonical, sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import { declarationDoc } from './fixtures.js'

const goldenV1 = JSON.parse(readFileSync(new URL('./golden/almaty-excerpt.json', import.meta.url), 'utf8')) as { serialized: string; sha256: string }
const goldenV2 = JSON.parse(readFileSync(new URL('./golden/almaty-excerpt-v2.json', import.meta.url), 'utf8')) as { serialized: string; sha256: string }

/** The form 1 excerpt with a paragraph added in the round after OP1 (so OP1bis), under negotiation. */
const excerpt = () =>
  canonicalText(
    declarationDoc('Almaty Declaration — Алматы декларациясы', [
      ['pp0000000001', 'preambular', ['Recalling the right of every child to education,']],
      ['op0000000001', 'operative', [{ text: 'Decides', marks: ['italic'] }, ' to act in 中文 and العربية;', { note: 'See annex I.' }]],
      ['op0000000003', 'operative', ['Calls upon all States to shall ensure access;']],
      ['op0000000002', 'operative', ['Requests ', { text: 'a report', marks: ['bold', 'italic'] }, '.']],
    ]),
    new Map<string, RoundLabel>([
      ['preambular/pp0000000001', { kind: 'preambular', number: 1, suffix: 1 }],
      ['operative/op0000000001', { kind: 'operative', number: 1, suffix: 1 }],
      ['operative/op0000000002', { kind: 'operative', number: 2, suffix: 1 }],
      ['operative/op0000000003', { kind: 'operative', number: 1, suffix: 2 }],
    ]),
  )

/** The state as sources might give it: in no particular order. */
const state = (): NegotiationSnapshot => ({
  statuses: [
    { clauseId: 'op0000000002', status: 'ad-referendum' },
    { clauseId: 'op0000000001', status: 'agreed' },
    { clauseId: 'pp0000000001', status: 'open' },
  ],
  brackets: [
    { id: 'b2', clauseId: 'op0000000003', start: 25, end: 30, requestedBy: ['USA', 'KAZ'], reason: 'Binding language', placedBy: 'chair' },
    { id: 'b1', clauseId: 'op0000000003', start: 0, end: 5, requestedBy: ['EGY'], reason: '', placedBy: 'chair' },
  ],
  alternatives: [{ id: 'a1', clauseId: 'op0000000002', start: 0, end: 8, options: [{ text: 'Requests', proposedBy: ['POL', 'GBR'] }, { text: 'Invites', proposedBy: ['CHN'] }] }],
})

describe('canonical form 2: the text and its negotiation state', () => {
  it('matches the checked-in golden vector, labels (OP1bis), statuses, brackets and alternatives included', async () => {
    const serialized = serializeCanonical(withNegotiation(excerpt(), state()))
    expect(serialized).toBe(goldenV2.serialized)
    expect(await sha256Hex(serialized)).toBe(goldenV2.sha256)
    expect(JSON.parse(serialized)).toMatchObject({ format: 'kelisim-text/2', blocks: [{ label: 'PP1' }, { label: 'OP1' }, { label: 'OP1bis' }, { label: 'OP2' }] })
  })

  it('sorts the state canonically, whatever order its sources gave it in', () => {
    const given = state()
    const shuffled: NegotiationSnapshot = {
      statuses: [...given.statuses].reverse(),
      brackets: [...given.brackets].reverse().map((bracket) => ({ ...bracket, requestedBy: [...bracket.requestedBy].reverse() })),
      alternatives: given.alternatives.map((set) => ({ ...set, options: set.options.map((option) => ({ ...option, proposedBy: [...option.proposedBy].reverse() })) })),
    }
    expect(serializeCanonical(withNegotiation(excerpt(), shuffled))).toBe(goldenV2.serialized)
    const sorted = JSON.parse(goldenV2.serialized) as { negotiation: NegotiationSnapshot }
    expect(sorted.negotiation.statuses.map((entry) => entry.clauseId)).toEqual(['op0000000001', 'op0000000002', 'pp0000000001'])
    expect(sorted.negotiation.brackets.map((entry) => entry.id)).toEqual(['b1', 'b2'])
    expect(sorted.negotiation.brackets[1]!.requestedBy).toEqual(['KAZ', 'USA'])
    // The order of alternatives is what "Alt 1 / Alt 2" means: it is kept.
    expect(sorted.negotiation.alternatives[0]!.options.map((option) => option.text)).toEqual(['Requests', 'Invites'])
  })

  it('changes its hash when only the state changes', async () => {
    const base = await sha256Hex(goldenV2.serialized)
    const agreed = state()
    agreed.statuses[0]!.status = 'agreed'
    const lifted = state()
    lifted.brackets.pop()
    for (const variant of [agreed, lifted]) expect(await sha256Hex(serializeCanonical(withNegotiation(excerpt(), variant)))).not.toBe(base)
  })

  it('accepts both forms exactly as frozen, and nothing else', () => {
    expect(canonicalFormProblem(goldenV1.serialized)).toBeNull()
    expect(canonicalFormProblem(goldenV2.serialized)).toBeNull()
    const v2 = JSON.parse(goldenV2.serialized) as { negotiation: NegotiationSnapshot; format: string }
    const unsorted = { ...v2, negotiation: { ...v2.negotiation, statuses: [...v2.negotiation.statuses].reverse() } }
    expect(canonicalFormProblem(serializeCanonical(unsorted as never))).toEqual({ key: 'detail.negotiationOrder' })
    expect(canonicalFormProblem(serializeCanonical({ ...v2, negotiation: { statuses: [{ clauseId: 'x', status: 'closed' }] } } as never))).toEqual({ key: 'detail.negotiationMalformed' })
    expect(canonicalFormProblem(serializeCanonical({ ...JSON.parse(goldenV1.serialized), negotiation: v2.negotiation } as never))).toEqual({ key: 'detail.form1Negotiation' })
    expect(canonicalFormProblem(serializeCanonical({ ...v2, format: 'kelisim-text/3' } as never))).toEqual({ key: 'detail.unknownForm', values: { format: 'kelisim-text/3' } })
    expect(canonicalFormProblem(JSON.stringify(JSON.parse(goldenV2.serialized), null, 1))).toEqual({ key: 'detail.notCanonical' })
    expect(canonicalFormProblem('{')).toEqual({ key: 'detail.notJson' })
  })
})
