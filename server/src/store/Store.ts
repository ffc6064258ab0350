import type { Delegation } from '../../../shared/api/schemas.js'

/** A declaration known to the server; its text lives in the document of the same name. */
export interface DeclarationRecord {
  name: string
  title: string
  createdAt: string
}

/** A server-side session; only the hash of its token is kept. */
export interface SessionRecord {
  tokenHash: string
  name: string
  delegation: string
  createdAt: string
  expiresAt: string
}

/** The Yjs update history of each document. */
export interface DocumentStore {
  /** The stored updates of a document, in the order they were written. */
  load(name: string): Promise<Uint8Array[]>
  /** Appends updates; resolves only once they are on disk. Returns how many records the history now has. */
  append(name: string, updates: Uint8Array[]): Promise<number>
  /** Replaces the history with one update holding the whole state, atomically. */
  compact(name: string, state: Uint8Array): Promise<void>
  /** Releases what is held open for a document that is no longer loaded. */
  release(name: string): Promise<void>
}

/** Everything the server keeps. Implementations must make every resolved write durable. */
export interface Store {
  readonly documents: DocumentStore
  listDeclarations(): Promise<DeclarationRecord[]>
  getDeclaration(name: string): Promise<DeclarationRecord | undefined>
  /** Creates a declaration with its initial text state, or fails if the name is taken. */
  createDeclaration(record: DeclarationRecord, initialState: Uint8Array): Promise<void>
  listDelegations(): Promise<Delegation[]>
  getDelegation(code: string): Promise<Delegation | undefined>
  addDelegations(delegations: Delegation[]): Promise<void>
  createSession(session: SessionRecord): Promise<void>
  getSession(tokenHash: string): Promise<SessionRecord | undefined>
  deleteSession(tokenHash: string): Promise<void>
  close(): Promise<void>
}
