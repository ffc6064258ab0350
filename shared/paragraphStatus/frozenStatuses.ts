import { NegotiationSnapshot, type ParagraphStatus } from '../versions/negotiationSnapshot.js'

/**
 * The statuses a freeze captures: one entry for every paragraph of the frozen text (open when it has no record),
 * sorted by clause id for the canonical form. Records of paragraphs no longer in the text are left out.
 */
export function statusesForSnapshot(records: ReadonlyMap<string, { status: ParagraphStatus }>, clauseIds: readonly string[]): NegotiationSnapshot['statuses'] {
  return [...new Set(clauseIds)].sort().map((clauseId) => ({ clauseId, status: records.get(clauseId)?.status ?? 'open' }))
}

/** The status of each paragraph of a frozen version; a version frozen before statuses existed has every paragraph open. */
export function frozenStatusMap(statuses: NegotiationSnapshot['statuses'] | null | undefined): ReadonlyMap<string, ParagraphStatus> {
  return new Map((statuses ?? []).map((entry) => [entry.clauseId, entry.status]))
}

/**
 * The statuses a version froze, read from its parsed canonical form where the form carries the negotiation state
 * (`negotiation`); a version frozen before statuses existed has none, so all its paragraphs count as open.
 */
export function frozenStatusesOf(canonical: unknown): NegotiationSnapshot['statuses'] {
  const negotiation = typeof canonical === 'object' && canonical !== null && 'negotiation' in canonical ? NegotiationSnapshot.safeParse(canonical.negotiation) : null
  return negotiation?.success ? negotiation.data.statuses : []
}
