/** Points where a test holds the server to force one order of events; in production nothing waits at them. */
export interface ServerHooks {
  /** Before a document's history is read from the store. */
  beforeLoad?(name: string): Promise<void>
  /** After locking has read the live text and before it stores the lock. */
  afterLockRead?(declaration: string): Promise<void>
  /** After a freeze has read the live text and before it reads the pending amendments. */
  afterFreezeRead?(declaration: string): Promise<void>
  /** After a restore has found the draft unlocked and before it replaces the text. */
  afterRestoreCheck?(declaration: string): Promise<void>
  /** When a silence is found due, before its outcome is stored. */
  beforeSilenceDecision?(declaration: string): Promise<void>
}
