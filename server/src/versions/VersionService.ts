import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { CONTROL_PROTOCOL_VERSION, type TextReplacedMessage } from '../../../shared/protocol/controlMessages.js'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { canonicalToDoc } from '../../../shared/versions/canonicalToDoc.js'
import type { AmendmentRecord } from '../../../shared/negotiation/amendmentRecord.js'
import { serializePendingAmendments } from '../../../shared/negotiation/pendingAmendments.js'
import { readLabelRecords, roundBase, type RoundBase } from '../../../shared/negotiation/labelRecords.js'
import { sha256Hex, type CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { InvisibleCharacter } from '../../../shared/versions/invisibleCharacters.js'
import { documentClauses } from '../../../shared/editor/documentClauses.js'
import { closedChangedBy } from '../../../shared/paragraphStatus/agreedInTarget.js'
import { ApiProblem } from '../http/ApiProblem.js'
import type { Logger } from '../log.js'
import { beginRound, frozenLabels, recordNewLabels } from '../negotiation/roundLabelWrites.js'
import type { ClosedParagraphs } from '../paragraphStatus/ParagraphGate.js'
import type { ServerHooks } from '../serverHooks.js'
import type { AuthorRecord, Store, StoredVersion, VersionHeader, VersionRecord } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import { snapshotOf, type NegotiationStateSource } from './NegotiationStateSource.js'
import type { HashedDeclarationText } from './readDeclarationText.js'
import { replaceBlocks } from './replaceBlocks.js'
import type { TextReader } from './TextReader.js'

/** A stored version's header, the version checked against its hash. */
export interface CheckedVersion {
  record: VersionHeader
  intact: boolean
}

/** The amendments a freeze records beside its text, read while none can be decided. */
export interface FreezeAmendments {
  list(declaration: string): Promise<AmendmentRecord[]>
  /** Runs `step` while no amendment of the declaration is decided, edited or withdrawn. */
  exclusive<T>(declaration: string, step: () => Promise<T>): Promise<T>
}

const noAmendments: FreezeAmendments = { list: async () => [], exclusive: (_declaration, step) => step() }

/** Freezing, checking, locking and restoring versions; every step is recorded in the audit log. */
export class VersionService {
  /**
   * Each version's last check, by declaration and number, with the file's stamp then: the list checks a version again
   * only once its file changed (any write changes the stamp), as checking ten takes the thread half a second.
   */
  private readonly checks = new Map<string, { stamp: string; intact: boolean }>()

  constructor(
    private readonly store: Store,
    private readonly hub: DocumentHub,
    private readonly reader: TextReader,
    private readonly log: Logger,
    /** The amendments of a declaration, so a frozen version records those still pending. */
    private readonly amendments: FreezeAmendments = noAmendments,
    private readonly hooks: ServerHooks = {},
    /** Where the negotiation state a version captures comes from (statuses, brackets, alternatives). */
    private readonly negotiation: readonly NegotiationStateSource[] = [],
    /** The agreed paragraphs, which a new round from an older version must leave as they are. */
    private readonly paragraphs?: ClosedParagraphs,
  ) {}

  /** The text with its negotiation state, read while the document is held. */
  private async readHeld(declaration: string, doc: Y.Doc): Promise<HashedDeclarationText> {
    return this.reader.read(declaration, doc, await snapshotOf(this.negotiation, declaration))
  }

  /** The live draft as frozen, hashed off the sync loop. */
  private async readLive(declaration: string): Promise<HashedDeclarationText> {
    // The read is asked for while the document is held, so it sees every change applied until then.
    const text = await this.hub.withDocument(declaration, (document) => this.readHeld(declaration, document.doc))
    if (text.schemaProblems.length > 0) {
      this.log.error('declaration_schema_broken', { declaration, problems: text.schemaProblems })
      throw new ApiProblem(500, 'schema_broken', { problems: text.schemaProblems.join('; ') })
    }
    return text
  }

  /** The live draft in canonical form. */
  async liveText(declaration: string): Promise<CanonicalText> {
    return JSON.parse((await this.readLive(declaration)).serialized) as CanonicalText
  }

  /** Checks a version as read (off the sync loop) and remembers the result for the stamp its file had. */
  private async check(declaration: string, stored: StoredVersion): Promise<boolean> {
    const intact = await this.reader.check(stored.record)
    this.checks.set(`${declaration}/${stored.record.seq}`, { stamp: stored.stamp, intact })
    return intact
  }

  /** Every version's header and whether it is intact, read and checked again only where its file changed. */
  async list(declaration: string): Promise<CheckedVersion[]> {
    const headers = await this.store.versions.list(declaration)
    return Promise.all(
      headers.map(async (header) => {
        const known = this.checks.get(`${declaration}/${header.seq}`)
        if (known?.stamp === header.stamp) return { record: header, intact: known.intact }
        const stored = await this.store.versions.read(declaration, header.seq)
        return { record: header, intact: stored ? await this.check(declaration, stored) : false }
      }),
    )
  }

  /** A version and its text, checked again on every read: one that fails its check is refused, never served. */
  async get(declaration: string, id: string): Promise<{ record: VersionRecord; text: CanonicalText }> {
    const header = (await this.store.versions.list(declaration)).find((candidate) => candidate.id === id)
    const stored = header && (await this.store.versions.read(declaration, header.seq))
    if (!header || !stored) throw new ApiProblem(404, 'unknown_version')
    if (stored.record.id !== id || !(await this.check(declaration, stored))) {
      this.log.error('version_corrupt', { declaration, version: id, seq: header.seq })
      throw new ApiProblem(500, 'version_corrupt', { name: header.name })
    }
    return { record: stored.record, text: JSON.parse(stored.record.serialized) as CanonicalText }
  }

  /** Every intact version whole, oldest first. */
  async intactVersions(declaration: string): Promise<VersionRecord[]> {
    const intact = (await this.list(declaration)).filter((version) => version.intact)
    return Promise.all(intact.map(async ({ record }) => (await this.get(declaration, record.id)).record))
  }

  /** Freezes the live draft; invisible control characters are refused unless the moderator has reviewed them. */
  async freeze(declaration: string, author: AuthorRecord, name: string, note: string, acceptInvisible: boolean): Promise<{ record: VersionRecord; invisible: InvisibleCharacter[] }> {
    // Text and amendments are read in one step: an accept landing between the two would be in neither or in both.
    const { serialized, sha256, storedText, invisible, roundBase: base, pending } = await this.amendments.exclusive(declaration, async () => {
      const live = await this.readLive(declaration)
      await this.hooks.afterFreezeRead?.(declaration)
      return { ...live, pending: serializePendingAmendments(await this.amendments.list(declaration)) }
    })
    if (invisible.length > 0 && !acceptInvisible) {
      throw new ApiProblem(409, 'invisible_characters', {
        count: invisible.length,
        list: invisible.map((found) => ({ key: 'invisible_character', values: { codePoint: found.codePoint, where: found.where } })),
      })
    }
    const frozen = {
      id: randomUUID(),
      declaration,
      name,
      note,
      createdBy: author,
      serialized,
      sha256,
      pendingAmendments: { serialized: pending, sha256: await sha256Hex(pending) },
    }
    let record: VersionRecord
    let stamp: string | null
    // Two freezes at once may take the same number: the store gives it to one, and the other takes the next.
    do {
      // Only the number is needed: reading every earlier version would parse megabytes on the sync loop.
      record = { ...frozen, seq: (await this.store.versions.latestSeq(declaration)) + 1, createdAt: new Date().toISOString() }
      await this.hooks.afterFreezeNumbered?.(declaration)
      stamp = await this.store.versions.append(record, storedText)
    } while (stamp === null)
    // Its text was built canonically and hashed by the reader: the file holds what was checked, until it changes.
    this.checks.set(`${declaration}/${record.seq}`, { stamp, intact: true })
    await this.store.audit.append(declaration, {
      actor: author,
      action: 'version_frozen',
      details: { version: record.id, seq: record.seq, name, sha256: record.sha256, pendingAmendmentsSha256: record.pendingAmendments?.sha256, invisibleCharacters: invisible.length },
    })
    this.log.info('version_frozen', { declaration, version: record.id, seq: record.seq, sha256: record.sha256 })
    await this.startRound(declaration, base)
    return { record, invisible }
  }

  /**
   * Locks the draft for signature on the latest version, which must be the live text exactly. The lock is set in the
   * same step as the read of the live text, so no keystroke falls between the check and the lock.
   */
  async lock(declaration: string, versionId: string, author: AuthorRecord): Promise<VersionRecord> {
    const declarationRecord = await this.store.getDeclaration(declaration)
    if (declarationRecord?.lockedVersion) throw new ApiProblem(409, 'already_locked')
    const { record } = await this.get(declaration, versionId)
    const latest = (await this.store.versions.list(declaration)).at(-1)
    if (latest?.id !== record.id) throw new ApiProblem(409, 'not_latest')
    const changed = () => new ApiProblem(409, 'draft_changed')
    // A first look without the lock, so a draft that already differs refuses no one's keystrokes while it is checked.
    if ((await this.readLive(declaration)).sha256 !== record.sha256) throw changed()
    const lockedOn = { id: record.id, name: record.name }
    await this.hub.withDocument(declaration, async (document) => {
      if (document.locked) throw new ApiProblem(409, 'already_locked')
      document.lockedOn = lockedOn
      try {
        const live = await this.readHeld(declaration, document.doc)
        await this.hooks.afterLockRead?.(declaration)
        if (live.sha256 !== record.sha256) throw changed()
        if (!(await this.store.setLockedVersion(declaration, record.id, null))) throw new ApiProblem(409, 'already_locked')
      } catch (error) {
        document.lockedOn = null
        throw error
      }
    })
    await this.hub.setLock(declaration, lockedOn)
    await this.store.audit.append(declaration, { actor: author, action: 'draft_locked', details: { version: record.id, sha256: record.sha256 } })
    return record
  }

  /** Unlocking needs a new version, so what was locked is never edited in place. */
  async unlock(declaration: string, author: AuthorRecord, name: string, note: string): Promise<VersionRecord> {
    const declarationRecord = await this.store.getDeclaration(declaration)
    if (!declarationRecord?.lockedVersion) throw new ApiProblem(409, 'not_locked.draft')
    const { record } = await this.freeze(declaration, author, name, note, true)
    if (!(await this.store.setLockedVersion(declaration, null, declarationRecord.lockedVersion))) {
      throw new ApiProblem(409, 'lock_changed')
    }
    await this.hub.setLock(declaration, null)
    await this.store.audit.append(declaration, { actor: author, action: 'draft_unlocked', details: { previous: declarationRecord.lockedVersion, version: record.id } })
    return record
  }

  /**
   * Starts a new round from an older version: its text becomes the live draft, block by block, so keystrokes made on
   * the old text that arrive later still land. It answers, records and tells editors only once the change is on disk.
   */
  async restore(declaration: string, versionId: string, author: AuthorRecord): Promise<void> {
    if ((await this.store.getDeclaration(declaration))?.lockedVersion) throw new ApiProblem(409, 'locked.draft')
    const { record, text } = await this.get(declaration, versionId)
    const target = declarationSchema.nodeFromJSON(canonicalToDoc(text))
    await this.paragraphs?.load(declaration)
    await this.hooks.afterRestoreCheck?.(declaration)
    await this.hub.withDocument(declaration, async (document) => {
      // Checked again in the step that changes the text: a lock may have landed since the check above.
      if (document.locked) throw new ApiProblem(409, 'locked.draft')
      // An agreed paragraph is closed to every change, a new round's included, until a moderator reopens it.
      const closed = closedChangedBy(documentClauses(document.doc), target, this.paragraphs?.closed(declaration) ?? new Set())
      if (closed.length > 0) throw new ApiProblem(409, 'restore_agreed', { labels: closed.join(', '), count: closed.length })
      // Through the same path as any edit: saved, then sent to everyone.
      // The new round numbers from the version restored, in the same change as its text.
      Y.transact(
        document.doc,
        () => {
          replaceBlocks(document.doc.getXmlFragment(DECLARATION_FRAGMENT), target)
          beginRound(document.doc, roundBase(frozenLabels(text)))
          recordNewLabels(document.doc)
        },
        'restore',
      )
      await document.flushAll().catch(() => {
        throw new ApiProblem(503, 'storage_unavailable.restore')
      })
    })
    await this.store.audit.append(declaration, { actor: author, action: 'version_restored', details: { version: record.id, seq: record.seq, sha256: record.sha256 } })
    const replaced: TextReplacedMessage = {
      v: CONTROL_PROTOCOL_VERSION,
      type: 'text-replaced',
      by: { name: author.name, delegation: author.delegation },
      version: { id: record.id, name: record.name, seq: record.seq },
      at: new Date().toISOString(),
    }
    await this.hub.broadcast(declaration, replaced)
  }

  /**
   * After the first freeze, labels hold for the round: the frozen paragraphs keep theirs and new ones get OP7bis and
   * the like. Later freezes find every paragraph labelled already.
   */
  private async startRound(declaration: string, base: RoundBase | null): Promise<void> {
    // The text was read with the round's labels in it: the round has begun, and nothing is left to label from it.
    if (base === null) return
    // Turns of the loop between reading 2,000 labels, writing them, reading them back, and labelling what was added
    // since the read, so typing never waits for all four.
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
    await nextTurn()
    await this.hub.withDocument(declaration, async (document) => {
      if (readLabelRecords(document.doc).size > 0) return
      beginRound(document.doc, base)
      await nextTurn()
      // The first read of the new base parses 2,000 labels into its cache: a turn of its own, before they are used.
      readLabelRecords(document.doc)
      await nextTurn()
      recordNewLabels(document.doc)
      // The version stands once stored; a slow disk only delays the labels, which are saved with the text.
      await document.flushAll().catch((error: unknown) => this.log.warn('round_labels_not_saved_yet', { declaration, error: String(error) }))
    })
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
