import type { AmendmentRecord } from '../../../shared/negotiation/amendmentRecord.js'
import type { DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'

/** A declaration's amendments and drafting mode, kept apart from its text. */
export interface AmendmentStore {
  /** Every amendment of a declaration, by number. */
  list(declaration: string): Promise<AmendmentRecord[]>
  /** Stores a new amendment made by `make` with the next free number, in one step; resolves once it is on disk. */
  add(declaration: string, make: (number: number) => AmendmentRecord): Promise<AmendmentRecord>
  /** Changes one amendment durably in one step; if `change` throws, nothing is written. Throws 404 for no such number. */
  update(declaration: string, number: number, change: (amendment: AmendmentRecord) => AmendmentRecord): Promise<AmendmentRecord>
  /** The drafting mode, reading it from disk on first use. */
  mode(declaration: string): Promise<DraftingMode>
  /** The drafting mode of a declaration whose records `mode` has read; "open" before that. */
  currentMode(declaration: string): DraftingMode
  /** Sets the drafting mode durably; resolves with the mode it replaced. */
  setMode(declaration: string, mode: DraftingMode): Promise<DraftingMode>
  /** Waits for every pending write. */
  close(): Promise<void>
}
