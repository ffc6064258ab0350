import type { Message, VerifyKey } from '../i18n/messageKeys.js'
import { NegotiationSnapshot } from './negotiationSnapshot.js'
import { serializeCanonical, type CanonicalText } from './canonicalText.js'

/** Code-unit order, the same on every machine and in every locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function bySpan(a: { clauseId: string; start: number; end: number; id: string }, b: { clauseId: string; start: number; end: number; id: string }): number {
  return byText(a.clauseId, b.clauseId) || a.start - b.start || a.end - b.end || byText(a.id, b.id)
}

/** The negotiation state in its one canonical order: by paragraph id, then span, then id; delegations sorted, alternatives kept in their order. */
export function sortedSnapshot(snapshot: NegotiationSnapshot): NegotiationSnapshot {
  return {
    statuses: [...snapshot.statuses].sort((a, b) => byText(a.clauseId, b.clauseId)),
    brackets: snapshot.brackets.map((bracket) => ({ ...bracket, requestedBy: [...bracket.requestedBy].sort(byText) })).sort(bySpan),
    alternatives: snapshot.alternatives
      .map((set) => ({ ...set, options: set.options.map((option) => ({ ...option, proposedBy: [...option.proposedBy].sort(byText) })) }))
      .sort(bySpan),
  }
}

/** Canonical form 2: the text and the negotiation state together. */
export function withNegotiation(text: CanonicalText, snapshot: NegotiationSnapshot): CanonicalText {
  return { format: 'kelisim-text/2', title: text.title, blocks: text.blocks, negotiation: sortedSnapshot(snapshot) }
}

/** Why a serialized text is not exactly what a freeze writes in its form (1 or 2), as a line of the verify catalogue; null when it is. */
export function canonicalFormProblem(serialized: string): Message<VerifyKey> | null {
  let text: CanonicalText
  try {
    text = JSON.parse(serialized) as CanonicalText
  } catch {
    return { key: 'detail.notJson' }
  }
  if (text.format !== 'kelisim-text/1' && text.format !== 'kelisim-text/2') return { key: 'detail.unknownForm', values: { format: String(text.format) } }
  if (serializeCanonical(text) !== serialized) return { key: 'detail.notCanonical' }
  if (text.format === 'kelisim-text/1') return text.negotiation === undefined ? null : { key: 'detail.form1Negotiation' }
  const state = NegotiationSnapshot.safeParse(text.negotiation)
  if (!state.success) return { key: 'detail.negotiationMalformed' }
  return serializeCanonical(sortedSnapshot(state.data)) === serializeCanonical(text.negotiation!) ? null : { key: 'detail.negotiationOrder' }
}

/** No statuses, brackets or alternatives: what a freeze records until something gives it the state. */
export const emptyNegotiation = (): NegotiationSnapshot => ({ statuses: [], brackets: [], alternatives: [] })
