/** Points where a test holds the server to force one order of events; in production nothing waits at them. */
export interface ServerHooks {
  /** Before a document's history is read from the store. */
  beforeLoad?(name: string): Promise<void>
  /** After locking has read the live text and before it stores the lock. */
  afterLockRead?(declaration: string): Promise<void>
  /** After a freeze has read the live text and before it reads the pending amendments. */
  afterFreezeRead?(declaration: string): Promise<void>
  /** After a freeze has taken the next version number and before it stores the version under it. */
  afterFreezeNumbered?(declaration: string): Promise<void>
  /** After a sign-in has been admitted or refused, before its password is checked. */
  afterSignInAdmission?(login: string): Promise<void>
  /** After a restore has found the draft unlocked and before it replaces the text. */
  afterRestoreCheck?(declaration: string): Promise<void>
  /** After an unlock has cleared the lock, before the silences on the version it unlocked are withdrawn. */
  afterUnlock?(declaration: string): Promise<void>
  /** When a silence is found due, before its outcome is stored. */
  beforeSilenceDecision?(declaration: string): Promise<void>
}
