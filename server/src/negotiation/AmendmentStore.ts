import type { AmendmentRecord, PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import type { AcceptDecision } from '../../../shared/negotiation/amendmentRules.js'
import type { DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'

/** An accept stored with the exact Yjs update it applies to the text, before that update is applied. */
export interface PendingAccept {
  number: number
  decision: AcceptDecision
  by: PersonRef
  at: string
  /** The update, base64. */
  update: string
}

/** A declaration's amendments and drafting mode, kept apart from its text. */
export interface AmendmentStore {
  /** Every amendment of a declaration, by number. */
  list(declaration: string): Promise<AmendmentRecord[]>
  /** Stores a new amendment made by `make` with the next free number, in one step; resolves once it is on disk. */
  add(declaration: string, make: (number: number) => AmendmentRecord): Promise<AmendmentRecord>
  /** Changes one amendment durably in one step; if `change` throws, nothing is written. Throws 404 for no such number. */
  update(declaration: string, number: number, change: (amendment: AmendmentRecord) => AmendmentRecord): Promise<AmendmentRecord>
  /** Accepts stored but not yet settled: their update may or may not be in the text. */
  pendingAccepts(declaration: string): Promise<PendingAccept[]>
  /** Stores an accept and its update durably; refuses a second one for the same amendment. */
  beginAccept(declaration: string, accept: PendingAccept): Promise<void>
  /** Ends a stored accept and changes its amendment (decided, or flagged) in one durable step. */
  settleAccept(declaration: string, number: number, change: (amendment: AmendmentRecord) => AmendmentRecord): Promise<AmendmentRecord>
  /** The drafting mode, reading it from disk on first use. */
  mode(declaration: string): Promise<DraftingMode>
  /** The drafting mode of a declaration whose records `mode` has read; "open" before that. */
  currentMode(declaration: string): DraftingMode
  /** Sets the drafting mode durably; resolves with the mode it replaced. */
  setMode(declaration: string, mode: DraftingMode): Promise<DraftingMode>
  /** Waits for every pending write. */
  close(): Promise<void>
}
