import canonicalize from 'canonicalize'
import { amendmentLabel, type AmendmentRecord } from './amendmentRecord.js'
import { isOpen } from './amendmentRules.js'

/** The amendments still open, by number, as RFC 8785 JSON: what a frozen version records beside its text. */
export function serializePendingAmendments(amendments: readonly AmendmentRecord[]): string {
  const pending = amendments
    .filter(isOpen)
    .sort((a, b) => a.number - b.number)
    .map((amendment) => ({
      label: amendmentLabel(amendment.number),
      number: amendment.number,
      status: amendment.status,
      change: amendment.change,
      justification: amendment.justification,
      proposedBy: amendment.proposedBy,
      proposedAt: amendment.proposedAt,
      stances: amendment.stances,
    }))
  return canonicalize({ format: 'kelisim-pending-amendments/1', amendments: pending }) ?? ''
}
