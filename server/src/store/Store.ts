import type { Delegation } from '../../../shared/api/schemas.js'
import type { Anchor, Mention } from '../../../shared/comments/commentSchemas.js'
import type { SignatureStatement } from '../../../shared/signatures/signatureStatement.js'
import type { Language } from '../../../shared/i18n/languages.js'
import type { Role } from '../../../shared/roles.js'
import type { MembershipStore } from './MembershipStore.js'

/** A declaration known to the server; its text lives in the document of the same name. */
export interface DeclarationRecord {
  name: string
  title: string
  createdAt: string
  /** The version the draft is locked on for signature; while set, the server refuses every text change. */
  lockedVersion?: string | null
}

/** A server-side session; only the hash of its token is kept. */
export interface SessionRecord {
  tokenHash: string
  participantId: string
  createdAt: string
  expiresAt: string
}

/** A person who takes part; the password hash is null until an invitation is accepted. */
export interface ParticipantRecord {
  id: string
  login: string
  name: string
  delegation: string
  passwordHash: string | null
  createdAt: string
  /** The interface language the person chose; absent until they choose one. */
  language?: Language
}

/** A participant could not be created: their login belongs to someone else; nothing was changed. */
export class LoginTaken extends Error {
  constructor(readonly login: string) {
    super(`login ${login} exists`)
  }
}

/** A participant's role in one declaration. */
export interface MembershipRecord {
  declaration: string
  participantId: string
  role: Role
}

/** A one-time link that lets a new participant set a password; only the hash of its token is kept. */
export interface InvitationRecord {
  id: string
  tokenHash: string
  participantId: string
  declaration: string
  role: Role
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  revokedAt: string | null
}

/** Whether an invitation can still be used: neither used, revoked nor expired. */
export function isPendingInvitation(invitation: InvitationRecord, now = Date.now()): boolean {
  return !invitation.usedAt && !invitation.revokedAt && Date.parse(invitation.expiresAt) > now
}

/** Who wrote something, as they were named when they wrote it. */
export interface AuthorRecord {
  id: string
  name: string
  delegation: string
}

/** One comment of a thread; a deleted comment keeps its place but loses its text. */
export interface CommentRecord {
  id: string
  author: AuthorRecord
  body: string
  mentions: Mention[]
  createdAt: string
  editedAt: string | null
  deleted: boolean
}

/** A comment thread on a span of a paragraph, or on the whole paragraph when `anchor` is null. */
export interface ThreadRecord {
  id: string
  clauseId: string
  anchor: Anchor | null
  quote: string
  status: 'open' | 'resolved'
  createdBy: AuthorRecord
  createdAt: string
  resolvedBy: AuthorRecord | null
  resolvedAt: string | null
  comments: CommentRecord[]
  /** Raised each time the thread is stored changed (threads stored before it read as 0): of two copies, the higher is newer. */
  version: number
}

/** Comment threads, kept per declaration so a write costs one declaration's comments. */
export interface CommentStore {
  listThreads(declaration: string): Promise<ThreadRecord[]>
  /**
   * Changes one thread durably: `change` gets the stored thread (undefined for a new id) and returns the new one.
   * If it throws, nothing is written.
   */
  updateThread(declaration: string, id: string, change: (thread: ThreadRecord | undefined) => Omit<ThreadRecord, 'version'>): Promise<ThreadRecord>
  /** When a participant last read their mentions in a declaration. */
  getMentionsReadAt(declaration: string, participantId: string): Promise<string | null>
  setMentionsReadAt(declaration: string, participantId: string, at: string): Promise<void>
}

/** A frozen version: its canonical text (RFC 8785 JSON) and that text's SHA-256, written once. */
export interface VersionRecord {
  id: string
  declaration: string
  seq: number
  name: string
  note: string
  createdAt: string
  createdBy: AuthorRecord
  serialized: string
  sha256: string
  /** The amendments pending when it was frozen, as canonical JSON, and its own SHA-256; absent on older versions. */
  pendingAmendments?: { serialized: string; sha256: string }
}

/** A stored version without its texts, and a stamp that changes whenever its file is written, replaced or linked. */
export type VersionHeader = Omit<VersionRecord, 'serialized' | 'pendingAmendments'> & { stamp: string }

/** A stored version as read, with the stamp its file had once read. */
export interface StoredVersion {
  record: VersionRecord
  stamp: string
}

/** Frozen versions: append-only, never changed or deleted. */
export interface VersionStore {
  /** Every version's header, oldest first, as stored (not yet verified); a file is parsed again only once it changed. */
  list(declaration: string): Promise<VersionHeader[]>
  /** One version whole, as stored (not yet verified); undefined when there is none of that number. */
  read(declaration: string, seq: number): Promise<StoredVersion | undefined>
  /** The number of the latest version, 0 for none, without reading any version. */
  latestSeq(declaration: string): Promise<number>
  /**
   * Writes a new version, its text given as `storedText` (`version.serialized` as a JSON string, UTF-8), and returns its
   * stamp; null, writing nothing, when its number is already taken.
   */
  append(version: VersionRecord, storedText: Uint8Array): Promise<string | null>
}

/** One entry of a declaration's audit log, chained to the previous one by its hash. */
export interface AuditEntry {
  seq: number
  at: string
  actor: AuthorRecord | null
  action: string
  details: Record<string, unknown>
  previousHash: string
  hash: string
}

/** Append-only, hash-chained audit logs, one per declaration. */
export interface AuditLog {
  append(declaration: string, entry: Pick<AuditEntry, 'actor' | 'action' | 'details'>): Promise<AuditEntry>
  list(declaration: string): Promise<AuditEntry[]>
}

/** A signatory's registered public key. */
export interface SigningKeyRecord {
  keyId: string
  participantId: string
  publicKey: string
  createdAt: string
}

/** A signature the server verified before storing it. */
export interface SignatureRecord {
  id: string
  declaration: string
  statement: SignatureStatement
  signature: string
  publicKey: string
  receivedAt: string
}

/** Signatures: append-only, one file per declaration. */
export interface SignatureStore {
  list(declaration: string): Promise<SignatureRecord[]>
  /** Appends a signature once `accept` (given those already stored) has not thrown; one at a time per declaration. */
  append(record: SignatureRecord, accept: (existing: SignatureRecord[]) => void | Promise<void>): Promise<void>
  /** Runs `operation` with no signature of the declaration being checked or appended meanwhile. */
  exclusive<T>(declaration: string, operation: () => Promise<T>): Promise<T>
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
  readonly comments: CommentStore
  readonly versions: VersionStore
  readonly audit: AuditLog
  readonly signatures: SignatureStore
  readonly memberships: MembershipStore
  listDeclarations(): Promise<DeclarationRecord[]>
  getDeclaration(name: string): Promise<DeclarationRecord | undefined>
  /** Creates a declaration with its initial text state, or fails if the name is taken. */
  createDeclaration(record: DeclarationRecord, initialState: Uint8Array): Promise<void>
  /**
   * Locks the draft on a version for signature, or unlocks it with null, between signature appends; only if the lock
   * is still `expected` when written. Returns false, changing nothing, if it is not.
   */
  setLockedVersion(declaration: string, versionId: string | null, expected: string | null): Promise<boolean>
  listDelegations(): Promise<Delegation[]>
  getDelegation(code: string): Promise<Delegation | undefined>
  /** Adds delegations whose codes are new; existing codes are left as they are. Returns those it added. */
  addDelegations(delegations: Delegation[]): Promise<Delegation[]>

  getParticipant(id: string): Promise<ParticipantRecord | undefined>
  findParticipantByLogin(login: string): Promise<ParticipantRecord | undefined>
  /** Creates a participant with a password and roles, as the demo seed and the admin command do. */
  createParticipant(participant: ParticipantRecord, memberships: MembershipRecord[]): Promise<void>
  /** Keeps the interface language a participant chose, durably. */
  setParticipantLanguage(participantId: string, language: Language): Promise<void>

  /** Reads of `memberships`, kept here for their many callers. */
  getRole(declaration: string, participantId: string): Promise<Role | undefined>
  listMembers(declaration: string): Promise<MembershipRecord[]>
  listMemberships(participantId: string): Promise<MembershipRecord[]>

  /** Creates a participant without a password, their role, and the invitation, all or nothing; `createdBy` must still moderate. */
  invite(participant: ParticipantRecord, membership: MembershipRecord, invitation: InvitationRecord): Promise<void>
  findInvitation(tokenHash: string): Promise<InvitationRecord | undefined>
  listInvitations(declaration: string): Promise<InvitationRecord[]>
  /** Revokes a pending invitation and the role it would have given; false (nothing changed) if it is no longer pending. */
  revokeInvitation(id: string, by: string): Promise<boolean>
  /** Uses an invitation: sets the password and starts a session, all or nothing. */
  acceptInvitation(id: string, passwordHash: string, session: SessionRecord): Promise<void>

  /** Registers a public key for a participant; fails if the key belongs to someone else. */
  registerKey(key: SigningKeyRecord): Promise<void>
  findKey(keyId: string): Promise<SigningKeyRecord | undefined>
  listKeys(participantId: string): Promise<SigningKeyRecord[]>

  createSession(session: SessionRecord): Promise<void>
  getSession(tokenHash: string): Promise<SessionRecord | undefined>
  deleteSession(tokenHash: string): Promise<void>
  /** Ends every session of a participant; returns how many there were. */
  deleteSessionsOf(participantId: string): Promise<number>
  close(): Promise<void>
}
