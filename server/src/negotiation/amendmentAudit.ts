import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { changeClauseId } from '../../../shared/negotiation/describeChange.js'
import type { AuditLog } from '../store/Store.js'

/** Records a step on an amendment in the declaration's audit log (`by` null: the server did it on its own). */
export async function recordAmendment(audit: AuditLog, declaration: string, by: PersonRef | null, action: string, amendment: AmendmentRecord): Promise<void> {
  await audit.append(declaration, {
    actor: by,
    action,
    details: { amendment: amendmentLabel(amendment.number), number: amendment.number, delegation: amendment.proposedBy.delegation, clauseId: changeClauseId(amendment.change), ...(amendment.reason ? { reason: amendment.reason } : {}) },
  })
}
