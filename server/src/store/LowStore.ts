import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Delegation } from '../../../shared/api/schemas.js'
import type { Logger } from '../log.js'
import { DATA_FILE, DATA_FOLDERS } from './dataDirectory.js'
import { DurableRecords } from './DurableRecords.js'
import type { Language } from '../../../shared/i18n/languages.js'
import type { Role } from '../../../shared/roles.js'
import {
  isPendingInvitation,
  LoginTaken,
  type DeclarationRecord,
  type InvitationRecord,
  type MembershipRecord,
  type ParticipantRecord,
  type SessionRecord,
  type SigningKeyRecord,
  type Store,
} from './Store.js'
import { FileAuditLog } from './FileAuditLog.js'
import { FileSignatureStore } from './FileSignatureStore.js'
import { FileVersionStore } from './FileVersionStore.js'
import { LowCommentStore } from './LowCommentStore.js'
import { LowMembershipStore, requireModerator } from './LowMembershipStore.js'
import { UpdateLogStore } from './UpdateLogStore.js'

interface DataFile {
  format: 'kelisim'
  version: 2
  declarations: DeclarationRecord[]
  delegations: Delegation[]
  participants: ParticipantRecord[]
  memberships: MembershipRecord[]
  invitations: InvitationRecord[]
  sessions: SessionRecord[]
  keys: SigningKeyRecord[]
}

const emptyData = (): DataFile => ({
  format: 'kelisim',
  version: 2,
  declarations: [],
  delegations: [],
  participants: [],
  memberships: [],
  invitations: [],
  sessions: [],
  keys: [],
})

/** The embedded store: records in one lowdb JSON file, document histories in per-document update logs. */
export class LowStore implements Store {
  readonly memberships: LowMembershipStore<DataFile>

  private constructor(
    private readonly records: DurableRecords<DataFile>,
    readonly documents: UpdateLogStore,
    readonly comments: LowCommentStore,
    readonly versions: FileVersionStore,
    readonly audit: FileAuditLog,
    readonly signatures: FileSignatureStore,
  ) {
    this.memberships = new LowMembershipStore(records)
  }

  /** Opens (or creates) the store in a data folder that has been checked and locked. */
  static async open(dataDir: string, log: Logger): Promise<LowStore> {
    // Folders written by the first release had no accounts: they start with empty account lists.
    const records = await DurableRecords.open(join(dataDir, DATA_FILE), emptyData, (stored): DataFile => ({ ...emptyData(), ...stored, version: 2 }))
    // The records file marks the folder as Kelisim's, so it is written at once, even with nothing in it.
    if (!existsSync(join(dataDir, DATA_FILE))) await records.commit(() => undefined)
    const documents = await UpdateLogStore.create(join(dataDir, DATA_FOLDERS.documents), log)
    const comments = await LowCommentStore.create(join(dataDir, DATA_FOLDERS.comments))
    const audit = await FileAuditLog.create(join(dataDir, DATA_FOLDERS.audit))
    const signatures = await FileSignatureStore.create(join(dataDir, DATA_FOLDERS.signatures))
    return new LowStore(records, documents, comments, new FileVersionStore(join(dataDir, DATA_FOLDERS.versions)), audit, signatures)
  }

  async listDeclarations(): Promise<DeclarationRecord[]> {
    return [...this.records.data.declarations]
  }

  async getDeclaration(name: string): Promise<DeclarationRecord | undefined> {
    return this.records.data.declarations.find((declaration) => declaration.name === name)
  }

  async createDeclaration(record: DeclarationRecord, initialState: Uint8Array): Promise<void> {
    if (await this.getDeclaration(record.name)) throw new Error(`declaration ${record.name} exists`)
    // The text goes first: a record without its document would be refused, a document without a record is never served.
    await this.documents.createDocument(record.name, initialState)
    await this.records.commit((data) => {
      data.declarations.push(record)
    })
  }

  setLockedVersion(declaration: string, versionId: string | null, expected: string | null): Promise<boolean> {
    // A signature checks the lock and is appended in one step of the signature queue; the lock changes between them.
    return this.signatures.exclusive(declaration, () =>
      this.records.commit((data) => {
        const record = data.declarations.find((candidate) => candidate.name === declaration)
        if (!record) throw new Error(`declaration ${declaration} does not exist`)
        if ((record.lockedVersion ?? null) !== expected) return false
        record.lockedVersion = versionId
        return true
      }),
    )
  }

  async listDelegations(): Promise<Delegation[]> {
    return [...this.records.data.delegations]
  }

  async getDelegation(code: string): Promise<Delegation | undefined> {
    return this.records.data.delegations.find((delegation) => delegation.code === code)
  }

  addDelegations(delegations: Delegation[]): Promise<Delegation[]> {
    return this.records.commit((data) => {
      const added = delegations.filter((delegation) => !data.delegations.some((existing) => existing.code === delegation.code))
      data.delegations.push(...added)
      return added
    })
  }

  async getParticipant(id: string): Promise<ParticipantRecord | undefined> {
    return this.records.data.participants.find((participant) => participant.id === id)
  }

  async findParticipantByLogin(login: string): Promise<ParticipantRecord | undefined> {
    return this.records.data.participants.find((participant) => participant.login === login)
  }

  async createParticipant(participant: ParticipantRecord, memberships: MembershipRecord[]): Promise<void> {
    await this.records.commit((data) => {
      if (data.participants.some((existing) => existing.login === participant.login)) {
        throw new LoginTaken(participant.login)
      }
      data.participants.push(participant)
      data.memberships.push(...memberships)
    })
  }

  async setParticipantLanguage(participantId: string, language: Language): Promise<void> {
    await this.records.commit((data) => {
      const participant = data.participants.find((existing) => existing.id === participantId)
      if (!participant) throw new Error(`participant ${participantId} does not exist`)
      participant.language = language
    })
  }

  getRole(declaration: string, participantId: string): Promise<Role | undefined> {
    return this.memberships.roleOf(declaration, participantId)
  }

  listMembers(declaration: string): Promise<MembershipRecord[]> {
    return this.memberships.members(declaration)
  }

  listMemberships(participantId: string): Promise<MembershipRecord[]> {
    return this.memberships.membershipsOf(participantId)
  }

  async invite(participant: ParticipantRecord, membership: MembershipRecord, invitation: InvitationRecord): Promise<void> {
    await this.records.commit((data) => {
      requireModerator(data, invitation.declaration, invitation.createdBy)
      if (data.participants.some((existing) => existing.login === participant.login)) {
        throw new LoginTaken(participant.login)
      }
      data.participants.push(participant)
      data.memberships.push(membership)
      data.invitations.push(invitation)
    })
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.records.data.invitations.find((invitation) => invitation.tokenHash === tokenHash)
  }

  async listInvitations(declaration: string): Promise<InvitationRecord[]> {
    return this.records.data.invitations.filter((invitation) => invitation.declaration === declaration)
  }

  revokeInvitation(id: string, by: string): Promise<boolean> {
    return this.records.commit((data) => {
      const invitation = data.invitations.find((existing) => existing.id === id)
      if (!invitation || !isPendingInvitation(invitation)) return false
      requireModerator(data, invitation.declaration, by)
      invitation.revokedAt = new Date().toISOString()
      data.memberships = data.memberships.filter((existing) => !(existing.declaration === invitation.declaration && existing.participantId === invitation.participantId))
      return true
    })
  }

  async acceptInvitation(id: string, passwordHash: string, session: SessionRecord): Promise<void> {
    await this.records.commit((data) => {
      const invitation = data.invitations.find((existing) => existing.id === id)
      const participant = data.participants.find((existing) => existing.id === invitation?.participantId)
      if (!invitation || !participant || !isPendingInvitation(invitation)) throw new Error('invitation not usable')
      invitation.usedAt = new Date().toISOString()
      participant.passwordHash = passwordHash
      data.sessions.push(session)
    })
  }

  async registerKey(key: SigningKeyRecord): Promise<void> {
    await this.records.commit((data) => {
      const existing = data.keys.find((candidate) => candidate.keyId === key.keyId)
      if (existing && existing.participantId !== key.participantId) throw new Error('key registered to someone else')
      if (!existing) data.keys.push(key)
    })
  }

  async findKey(keyId: string): Promise<SigningKeyRecord | undefined> {
    return this.records.data.keys.find((key) => key.keyId === keyId)
  }

  async listKeys(participantId: string): Promise<SigningKeyRecord[]> {
    return this.records.data.keys.filter((key) => key.participantId === participantId)
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.records.commit((data) => {
      const now = new Date().toISOString()
      data.sessions = data.sessions.filter((existing) => existing.expiresAt > now)
      data.sessions.push(session)
    })
  }

  async getSession(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.records.data.sessions.find((session) => session.tokenHash === tokenHash)
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.records.commit((data) => {
      data.sessions = data.sessions.filter((session) => session.tokenHash !== tokenHash)
    })
  }

  deleteSessionsOf(participantId: string): Promise<number> {
    return this.records.commit((data) => {
      const kept = data.sessions.filter((session) => session.participantId !== participantId)
      const count = data.sessions.length - kept.length
      data.sessions = kept
      return count
    })
  }

  async close(): Promise<void> {
    await this.records.settled()
    await this.comments.close()
    await this.documents.close()
  }
}
