import type { PersonRef } from '../negotiation/amendmentRecord.js'
import type { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** A paragraph's status as the server keeps it, outside the shared text, keyed by the paragraph's stable id. */
export interface ParagraphStatusRecord {
  readonly clauseId: string
  readonly status: ParagraphStatus
  readonly setBy: PersonRef
  readonly setAt: string
}
