import { randomUUID } from 'node:crypto'
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { canonicalToDoc } from '../../../shared/versions/canonicalToDoc.js'
import { serializeCanonical, sha256Hex, type CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { InvisibleCharacter } from '../../../shared/versions/invisibleCharacters.js'
import { ApiProblem } from '../http/ApiProblem.js'
import type { Logger } from '../log.js'
import type { AuthorRecord, Store, VersionRecord } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { DeclarationText } from './readDeclarationText.js'
import type { TextReader } from './TextReader.js'

/** A stored version checked against its hash. */
export interface CheckedVersion {
  record: VersionRecord
  intact: boolean
}

/** Freezing, checking, locking and restoring versions; every step is recorded in the audit log. */
export class VersionService {
  constructor(
    private readonly store: Store,
    private readonly hub: DocumentHub,
    private readonly reader: TextReader,
    private readonly log: Logger,
  ) {}

  /** The live draft as frozen and hashed, read off the sync loop. */
  private async readLive(declaration: string): Promise<DeclarationText> {
    // The read is asked for while the document is held, so it sees every change applied until then.
    const text = await this.hub.withDocument(declaration, (document) => this.reader.read(declaration, document.doc))
    if (text.schemaProblems.length > 0) {
      this.log.error('declaration_schema_broken', { declaration, problems: text.schemaProblems })
      throw new ApiProblem(500, 'schema_broken', `The draft breaks the editor schema (${text.schemaProblems.join('; ')}); it cannot be frozen or read as text.`)
    }
    return text
  }

  /** The live draft in canonical form. */
  async liveText(declaration: string): Promise<CanonicalText> {
    return JSON.parse((await this.readLive(declaration)).serialized) as CanonicalText
  }

  /** Whether a stored version is exactly what was frozen: canonical, and hashing to its recorded SHA-256. */
  async isIntact(record: VersionRecord): Promise<boolean> {
    try {
      const text = JSON.parse(record.serialized) as CanonicalText
      return text.format === 'kelisim-text/1' && serializeCanonical(text) === record.serialized && (await sha256Hex(record.serialized)) === record.sha256
    } catch {
      return false
    }
  }

  async list(declaration: string): Promise<CheckedVersion[]> {
    const records = await this.store.versions.list(declaration)
    return Promise.all(records.map(async (record) => ({ record, intact: await this.isIntact(record) })))
  }

  /** A version and its text; one that fails its check is refused, never served. */
  async get(declaration: string, id: string): Promise<{ record: VersionRecord; text: CanonicalText }> {
    const record = (await this.store.versions.list(declaration)).find((candidate) => candidate.id === id)
    if (!record) throw new ApiProblem(404, 'unknown_version', 'There is no such version.')
    if (!(await this.isIntact(record))) {
      this.log.error('version_corrupt', { declaration, version: id, seq: record.seq })
      throw new ApiProblem(500, 'version_corrupt', `Version "${record.name}" no longer matches its hash; it is not served. Restore it from a backup.`)
    }
    return { record, text: JSON.parse(record.serialized) as CanonicalText }
  }

  /** Freezes the live draft; invisible control characters are refused unless the moderator has reviewed them. */
  async freeze(declaration: string, author: AuthorRecord, name: string, note: string, acceptInvisible: boolean): Promise<{ record: VersionRecord; invisible: InvisibleCharacter[] }> {
    const { serialized, invisible } = await this.readLive(declaration)
    if (invisible.length > 0 && !acceptInvisible) {
      throw new ApiProblem(409, 'invisible_characters', `The text holds ${invisible.length} invisible control character(s): ${invisible.map((found) => `${found.codePoint} in ${found.where}`).join(', ')}. Remove them, or confirm to freeze anyway.`)
    }
    const record: VersionRecord = {
      id: randomUUID(),
      declaration,
      // Only the number is needed: reading every earlier version would parse megabytes on the sync loop.
      seq: (await this.store.versions.latestSeq(declaration)) + 1,
      name,
      note,
      createdAt: new Date().toISOString(),
      createdBy: author,
      serialized,
      sha256: await sha256Hex(serialized),
    }
    await this.store.versions.append(record)
    await this.store.audit.append(declaration, { actor: author, action: 'version_frozen', details: { version: record.id, seq: record.seq, name, sha256: record.sha256, invisibleCharacters: invisible.length } })
    this.log.info('version_frozen', { declaration, version: record.id, seq: record.seq, sha256: record.sha256 })
    return { record, invisible }
  }

  /** Locks the draft for signature on the latest version, which must be the live text exactly. */
  async lock(declaration: string, versionId: string, author: AuthorRecord): Promise<VersionRecord> {
    const declarationRecord = await this.store.getDeclaration(declaration)
    if (declarationRecord?.lockedVersion) throw new ApiProblem(409, 'already_locked', 'The draft is already locked for signature.')
    const { record } = await this.get(declaration, versionId)
    const latest = (await this.store.versions.list(declaration)).at(-1)
    if (latest?.id !== record.id) throw new ApiProblem(409, 'not_latest', 'Only the latest version can be locked for signature.')
    if ((await sha256Hex((await this.readLive(declaration)).serialized)) !== record.sha256) {
      throw new ApiProblem(409, 'draft_changed', 'The draft has changed since this version was frozen; freeze it again first.')
    }
    await this.store.setLockedVersion(declaration, record.id)
    await this.hub.setLock(declaration, { id: record.id, name: record.name })
    await this.store.audit.append(declaration, { actor: author, action: 'draft_locked', details: { version: record.id, sha256: record.sha256 } })
    return record
  }

  /** Unlocking needs a new version, so what was locked is never edited in place. */
  async unlock(declaration: string, author: AuthorRecord, name: string, note: string): Promise<VersionRecord> {
    const declarationRecord = await this.store.getDeclaration(declaration)
    if (!declarationRecord?.lockedVersion) throw new ApiProblem(409, 'not_locked', 'The draft is not locked.')
    const { record } = await this.freeze(declaration, author, name, note, true)
    await this.store.setLockedVersion(declaration, null)
    await this.hub.setLock(declaration, null)
    await this.store.audit.append(declaration, { actor: author, action: 'draft_unlocked', details: { previous: declarationRecord.lockedVersion, version: record.id } })
    return record
  }

  /** Starts a new round from an older version: its text becomes the live draft, as one change everyone receives. */
  async restore(declaration: string, versionId: string, author: AuthorRecord): Promise<void> {
    if ((await this.store.getDeclaration(declaration))?.lockedVersion) throw new ApiProblem(409, 'locked', 'The draft is locked for signature.')
    const { record, text } = await this.get(declaration, versionId)
    const target = declarationSchema.nodeFromJSON(canonicalToDoc(text))
    await this.hub.withDocument(declaration, (document) => {
      // Writes only the differences, through the same path as any edit: saved, then sent to everyone.
      Y.transact(document.doc, () => prosemirrorToYXmlFragment(target, document.doc.getXmlFragment(DECLARATION_FRAGMENT)), 'restore')
    })
    await this.store.audit.append(declaration, { actor: author, action: 'version_restored', details: { version: record.id, seq: record.seq, sha256: record.sha256 } })
  }

  /** Checks every stored version at start; failures are logged and those versions are then refused. */
  async checkAll(): Promise<number> {
    let failures = 0
    for (const declaration of await this.store.listDeclarations()) {
      for (const { record, intact } of await this.list(declaration.name)) {
        if (intact) continue
        failures += 1
        this.log.error('version_corrupt', { declaration: declaration.name, version: record.id, seq: record.seq })
      }
    }
    return failures
  }
}
