import type { AcceptedDecision } from '../../../../shared/negotiation/redlineAttribution.js'
import type { AuditEntry, Store } from '../../store/Store.js'

/** The audit sequence number at which a version was frozen; "live" is after everything. */
function frozenAt(entries: AuditEntry[], id: string): number {
  if (id === 'live') return Number.POSITIVE_INFINITY
  return entries.find((entry) => entry.action === 'version_frozen' && entry.details.version === id)?.seq ?? Number.NaN
}

/** The amendments accepted between two versions (or a version and the live draft), from the audit log. */
export async function acceptedBetween(store: Store, declaration: string, from: string, to: string): Promise<AcceptedDecision[]> {
  const entries = await store.audit.list(declaration)
  const [start, end] = [frozenAt(entries, from), frozenAt(entries, to)]
  const names = new Map((await store.listDelegations()).map((delegation) => [delegation.code, delegation.name]))
  return entries
    .filter((entry) => entry.seq > start && entry.seq < end && (entry.action === 'amendment.accepted' || entry.action === 'amendment.accepted-as-revised'))
    .map((entry) => {
      const delegation = String(entry.details.delegation)
      // A new paragraph is named by itself, not by the paragraph it follows.
      const clauseId = String(entry.details.insertedClauseId ?? entry.details.clauseId)
      return { amendment: String(entry.details.amendment), clauseId, delegationName: names.get(delegation) ?? delegation, revised: entry.action === 'amendment.accepted-as-revised' }
    })
}
