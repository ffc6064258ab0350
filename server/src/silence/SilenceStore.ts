import type { BreakStatement } from '../../../shared/silence/silenceSchemas.js'
import type { AuthorRecord } from '../store/Store.js'

/** A break of silence the server verified before storing it. */
export interface SilenceBreakRecord {
  id: string
  statement: BreakStatement
  signature: string
  publicKey: string
  receivedAt: string
}

/** A silence procedure on a locked version: its deadline, the breaks received before it, and once decided, its outcome. */
export interface SilenceRecord {
  id: string
  declaration: string
  version: { id: string; seq: number; name: string; sha256: string }
  /** The deadline as an instant (ISO, UTC), and the time zone the moderator gave it in. */
  deadline: string
  timeZone: string
  openedAt: string
  openedBy: AuthorRecord
  breaks: SilenceBreakRecord[]
  /**
   * Written, durably, before an unlock of its version clears the lock: if the lock is then found cleared, the silence
   * is withdrawn as of `at`, even when that is found only after the deadline (a stop between the unlock and the
   * withdrawal); if the lock is still on, the unlock did not happen and the mark is dropped. Absent in older files.
   */
  unlocking?: { at: string; by: AuthorRecord } | null
  /** `withdrawn`: the draft was unlocked before the deadline, by `by` (null when found at start after a crash). */
  outcome: { state: 'adopted' | 'broken' | 'withdrawn'; decidedAt: string; by?: AuthorRecord | null } | null
}

/** The silence procedures of each declaration, oldest first. */
export interface SilenceStore {
  list(declaration: string): Promise<SilenceRecord[]>
  /** Changes a declaration's silences durably in one step, one change at a time; if `change` throws, nothing is written. */
  update<R>(declaration: string, change: (silences: SilenceRecord[]) => R): Promise<R>
  /** Waits for every pending write. */
  close(): Promise<void>
}
