import { problemCode, type MessageValues, type ServerMessageKey } from '../i18n/messageKeys.js'
import type { AmendmentChange, AmendmentStatus, Stance } from './amendmentSchemas.js'
import { amendmentLabel, type AmendmentRecord, type PersonRef } from './amendmentRecord.js'

/** Why a rule refused a step: the HTTP status it maps to, and the `server` catalogue key (whose code is stable) and values of its message. */
export class NegotiationRefusal extends Error {
  /** The stable code: the key up to any `.variant`. */
  readonly code: string

  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly key: ServerMessageKey,
    readonly values: MessageValues = {},
  ) {
    super(key)
    this.code = problemCode(key)
  }
}

/** Statuses in which an amendment may still be edited, supported or decided. */
const open: readonly AmendmentStatus[] = ['pending', 'needs-update']

/** True while the amendment awaits a decision. */
export function isOpen(amendment: Pick<AmendmentRecord, 'status'>): boolean {
  return open.includes(amendment.status)
}

/** Refuses any step on an amendment that is decided or withdrawn. */
export function requireOpen(amendment: AmendmentRecord): void {
  if (!isOpen(amendment)) throw new NegotiationRefusal(409, `amendment_closed.${amendment.status as Exclude<AmendmentStatus, 'pending' | 'needs-update'>}`, { label: amendmentLabel(amendment.number) })
}

/** A new pending amendment with the next number. */
export function proposeAmendment(fields: { id: string; number: number; change: AmendmentChange; justification: string; by: PersonRef; at: string }): AmendmentRecord {
  return {
    id: fields.id,
    number: fields.number,
    change: fields.change,
    justification: fields.justification,
    proposedBy: fields.by,
    proposedAt: fields.at,
    status: 'pending',
    stances: [],
    decidedBy: null,
    decidedAt: null,
    reason: null,
    revision: null,
    edits: [],
    version: 1,
  }
}

/** The proposal replaced, by its delegation or a moderator (`moderator`), recorded; it is pending again. */
export function editAmendment(amendment: AmendmentRecord, change: AmendmentChange, justification: string, by: PersonRef, at: string, moderator: boolean): AmendmentRecord {
  requireOpen(amendment)
  if (!moderator && by.delegation !== amendment.proposedBy.delegation) {
    throw new NegotiationRefusal(403, 'not_proposer.change')
  }
  return { ...amendment, change, justification, status: 'pending', edits: [...amendment.edits, { by, at }] }
}

/** The amendment withdrawn by its own delegation. */
export function withdrawAmendment(amendment: AmendmentRecord, by: PersonRef, at: string): AmendmentRecord {
  requireOpen(amendment)
  if (by.delegation !== amendment.proposedBy.delegation) {
    throw new NegotiationRefusal(403, 'not_proposer.withdraw')
  }
  return { ...amendment, status: 'withdrawn', decidedBy: by, decidedAt: at }
}

/** The delegation of `by` takes `stance` (or drops its stance with null); it holds at most one. */
export function setStance(amendment: AmendmentRecord, stance: Stance | null, by: PersonRef, at: string): AmendmentRecord {
  requireOpen(amendment)
  if (by.delegation === amendment.proposedBy.delegation) {
    throw new NegotiationRefusal(409, 'own_amendment')
  }
  const others = amendment.stances.filter((existing) => existing.delegation !== by.delegation)
  return { ...amendment, stances: stance === null ? others : [...others, { delegation: by.delegation, stance, at, by }] }
}

/** How a moderator takes an amendment into the text: as proposed, or with the wording they revised. */
export type AcceptDecision = { status: 'accepted' } | { status: 'accepted-as-revised'; revision: AmendmentChange }

/** The decision on an open amendment: accepted (as revised, with the wording applied), rejected with a reason, or not taken up (its paragraph was agreed without it). */
export function decideAmendment(
  amendment: AmendmentRecord,
  decision: AcceptDecision | { status: 'rejected'; reason: string } | { status: 'not-taken-up' },
  by: PersonRef,
  at: string,
): AmendmentRecord {
  requireOpen(amendment)
  return {
    ...amendment,
    status: decision.status,
    decidedBy: by,
    decidedAt: at,
    reason: decision.status === 'rejected' ? decision.reason : null,
    revision: decision.status === 'accepted-as-revised' ? decision.revision : null,
  }
}

/** The amendment marked as needing an update: the words it changes were edited since it was made. */
export function markNeedsUpdate(amendment: AmendmentRecord): AmendmentRecord {
  requireOpen(amendment)
  return { ...amendment, status: 'needs-update' }
}
