import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { amendmentLabel, type AmendmentRecord } from '../../../shared/negotiation/amendmentRecord.js'
import { NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import type { DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'
import { DurableRecords } from '../store/DurableRecords.js'
import type { AmendmentStore, PendingAccept } from './AmendmentStore.js'

interface AmendmentsFile {
  /** The number the next amendment gets; numbers are never reused. */
  nextNumber: number
  mode: DraftingMode
  amendments: AmendmentRecord[]
  /** Accepts whose update is stored but not yet confirmed in the text. */
  accepting: PendingAccept[]
}

/** Changes one amendment of the records in place; throws 404 for no such number. */
function changeOne(data: AmendmentsFile, number: number, change: (amendment: AmendmentRecord) => AmendmentRecord): AmendmentRecord {
  const index = data.amendments.findIndex((amendment) => amendment.number === number)
  const current = data.amendments[index]
  if (!current) throw new NegotiationRefusal(404, 'unknown_amendment', { label: amendmentLabel(number) })
  const next = { ...change(current), version: current.version + 1 }
  data.amendments[index] = next
  return next
}

/** Amendments in one durable JSON file per declaration, opened on first use. */
export class FileAmendmentStore implements AmendmentStore {
  private readonly files = new Map<string, Promise<DurableRecords<AmendmentsFile>>>()
  private readonly opened = new Map<string, DurableRecords<AmendmentsFile>>()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<FileAmendmentStore> {
    await mkdir(directory, { recursive: true })
    return new FileAmendmentStore(directory)
  }

  /** Declaration names are validated before they get here, so they are safe file names. */
  private file(declaration: string): Promise<DurableRecords<AmendmentsFile>> {
    let file = this.files.get(declaration)
    if (!file) {
      file = DurableRecords.open<AmendmentsFile>(
        join(this.directory, `${declaration}.json`),
        () => ({ nextNumber: 1, mode: 'open', amendments: [], accepting: [] }),
        // Files written before records had versions hold them at 1.
        (stored) => ({ ...stored, accepting: stored.accepting ?? [], amendments: stored.amendments.map((amendment: Omit<AmendmentRecord, 'version'> & { version?: number }) => ({ ...amendment, version: amendment.version ?? 1 })) }),
      )
      this.files.set(declaration, file)
      file.then(
        (opened) => this.opened.set(declaration, opened),
        () => this.files.delete(declaration),
      )
    }
    return file
  }

  async list(declaration: string): Promise<AmendmentRecord[]> {
    return [...(await this.file(declaration)).data.amendments]
  }

  async add(declaration: string, make: (number: number) => AmendmentRecord): Promise<AmendmentRecord> {
    return (await this.file(declaration)).commit((data) => {
      const amendment = make(data.nextNumber)
      data.nextNumber += 1
      data.amendments.push(amendment)
      return amendment
    })
  }

  async update(declaration: string, number: number, change: (amendment: AmendmentRecord) => AmendmentRecord): Promise<AmendmentRecord> {
    return (await this.file(declaration)).commit((data) => changeOne(data, number, change))
  }

  async pendingAccepts(declaration: string): Promise<PendingAccept[]> {
    return [...(await this.file(declaration)).data.accepting]
  }

  async beginAccept(declaration: string, accept: PendingAccept): Promise<void> {
    await (await this.file(declaration)).commit((data) => {
      if (data.accepting.some((stored) => stored.number === accept.number)) {
        throw new NegotiationRefusal(409, 'accept_in_progress', { label: amendmentLabel(accept.number) })
      }
      data.accepting.push(accept)
    })
  }

  async settleAccept(declaration: string, number: number, change: (amendment: AmendmentRecord) => AmendmentRecord): Promise<AmendmentRecord> {
    return (await this.file(declaration)).commit((data) => {
      data.accepting = data.accepting.filter((stored) => stored.number !== number)
      return changeOne(data, number, change)
    })
  }

  async mode(declaration: string): Promise<DraftingMode> {
    return (await this.file(declaration)).data.mode
  }

  currentMode(declaration: string): DraftingMode {
    return this.opened.get(declaration)?.data.mode ?? 'open'
  }

  async setMode(declaration: string, mode: DraftingMode): Promise<DraftingMode> {
    return (await this.file(declaration)).commit((data) => {
      const previous = data.mode
      data.mode = mode
      return previous
    })
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map(async (file) => (await file).settled()))
  }
}
