import type { PersonRef } from '../negotiation/amendmentRecord.js'
import type { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** A paragraph's status as the server keeps it, outside the shared text, keyed by the paragraph's stable id. */
export interface ParagraphStatusRecord {
  readonly clauseId: string
  readonly status: ParagraphStatus
  readonly setBy: PersonRef
  readonly setAt: string
  /** Raised with each status stored for the paragraph: a page keeps whichever copy is newer, answer or push. */
  readonly version: number
}
