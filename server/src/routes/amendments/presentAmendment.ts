import type { Delegation } from '../../../../shared/api/schemas.js'
import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../../shared/negotiation/amendmentRecord.js'
import type { AmendmentView } from '../../../../shared/negotiation/amendmentSchemas.js'
import { CONTROL_PROTOCOL_VERSION } from '../../../../shared/protocol/controlMessages.js'
import type { Store } from '../../store/Store.js'
import type { DocumentHub } from '../../sync/DocumentHub.js'

/** Presents amendments with their delegations named, reading the delegations once. */
export async function amendmentPresenter(store: Store): Promise<(amendment: AmendmentRecord) => AmendmentView> {
  const delegations = new Map((await store.listDelegations()).map((delegation) => [delegation.code, delegation]))
  const delegationOf = (code: string): Delegation => delegations.get(code) ?? { code, name: code, color: '#595959' }
  const person = (record: PersonRef) => ({ id: record.id, name: record.name, delegation: delegationOf(record.delegation) })
  return (amendment) => ({
    id: amendment.id,
    number: amendment.number,
    label: amendmentLabel(amendment.number),
    change: amendment.change,
    justification: amendment.justification,
    proposedBy: person(amendment.proposedBy),
    proposedAt: amendment.proposedAt,
    status: amendment.status,
    stances: amendment.stances.map((stance) => ({ delegation: delegationOf(stance.delegation), stance: stance.stance, at: stance.at, by: person(stance.by) })),
    decidedBy: amendment.decidedBy && person(amendment.decidedBy),
    decidedAt: amendment.decidedAt,
    reason: amendment.reason,
    revision: amendment.revision,
    edits: amendment.edits.map((edit) => ({ by: person(edit.by), at: edit.at })),
    version: amendment.version,
  })
}

/** Pushes a stored amendment to every open page of its declaration as the `amendment` control message; resolves with its view. */
export async function broadcastAmendment(store: Store, hub: DocumentHub, declaration: string, amendment: AmendmentRecord): Promise<AmendmentView> {
  const view = (await amendmentPresenter(store))(amendment)
  await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'amendment', amendment: view })
  return view
}
