import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { changeClauseId } from '../../../shared/negotiation/describeChange.js'
import type { AuditLog } from '../store/Store.js'

/**
 * Records a step on an amendment in the declaration's audit log (`by` null: the server did it on its own);
 * `insertedClauseId` names the paragraph an accept added, so the redline can attribute it.
 */
export async function recordAmendment(audit: AuditLog, declaration: string, by: PersonRef | null, action: string, amendment: AmendmentRecord, insertedClauseId: string | null = null): Promise<void> {
  await audit.append(declaration, {
    actor: by,
    action,
    details: {
      amendment: amendmentLabel(amendment.number),
      number: amendment.number,
      delegation: amendment.proposedBy.delegation,
      clauseId: changeClauseId(amendment.change),
      ...(insertedClauseId ? { insertedClauseId } : {}),
      ...(amendment.reason ? { reason: amendment.reason } : {}),
    },
  })
}
