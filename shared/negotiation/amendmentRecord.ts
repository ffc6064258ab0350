import type { AmendmentChange, AmendmentStatus, Stance } from './amendmentSchemas.js'

/** Who did something, as they were named then; `delegation` is the delegation's code. */
export interface PersonRef {
  readonly id: string
  readonly name: string
  readonly delegation: string
}

/** One delegation's stance on an amendment. */
export interface StanceRecord {
  readonly delegation: string
  readonly stance: Stance
  readonly at: string
  readonly by: PersonRef
}

/** An amendment as the server keeps it, outside the shared text. */
export interface AmendmentRecord {
  readonly id: string
  readonly number: number
  readonly change: AmendmentChange
  readonly justification: string
  readonly proposedBy: PersonRef
  readonly proposedAt: string
  readonly status: AmendmentStatus
  readonly stances: readonly StanceRecord[]
  readonly decidedBy: PersonRef | null
  readonly decidedAt: string | null
  readonly reason: string | null
  readonly revision: AmendmentChange | null
  readonly edits: readonly { by: PersonRef; at: string }[]
  /** Raised each time the record is stored changed: of two copies a page holds, the higher is the newer. */
  readonly version: number
}

/** The short stable label of an amendment number: 7 -> "A7". */
export function amendmentLabel(number: number): string {
  return `A${number}`
}
