import type { ParagraphStatusRecord } from '../../../shared/paragraphStatus/paragraphStatusRecord.js'

/** A declaration's paragraph statuses, kept apart from its text, by clause id. */
export interface ParagraphStatusStore {
  /** Every status record of a declaration, reading them from disk on first use. */
  list(declaration: string): Promise<ParagraphStatusRecord[]>
  /** The records of a declaration that `list` has read, by clause id; empty before that. */
  current(declaration: string): ReadonlyMap<string, ParagraphStatusRecord>
  /** Stores a paragraph's status durably, replacing the one it had; resolves once it is on disk. */
  set(declaration: string, record: ParagraphStatusRecord): Promise<void>
  /** Waits for every pending write. */
  close(): Promise<void>
}
