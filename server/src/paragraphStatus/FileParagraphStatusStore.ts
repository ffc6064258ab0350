import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ParagraphStatusRecord } from '../../../shared/paragraphStatus/paragraphStatusRecord.js'
import { DurableRecords } from '../store/DurableRecords.js'
import type { ParagraphStatusStore } from './ParagraphStatusStore.js'

interface StatusesFile {
  statuses: Record<string, ParagraphStatusRecord>
}

/** Paragraph statuses in one durable JSON file per declaration, opened on first use. */
export class FileParagraphStatusStore implements ParagraphStatusStore {
  private readonly files = new Map<string, Promise<DurableRecords<StatusesFile>>>()
  private readonly opened = new Map<string, DurableRecords<StatusesFile>>()
  /** The current records by declaration, rebuilt after each write. */
  private readonly maps = new Map<string, ReadonlyMap<string, ParagraphStatusRecord>>()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<FileParagraphStatusStore> {
    await mkdir(directory, { recursive: true })
    return new FileParagraphStatusStore(directory)
  }

  /** Declaration names are validated before they get here, so they are safe file names. */
  private file(declaration: string): Promise<DurableRecords<StatusesFile>> {
    let file = this.files.get(declaration)
    if (!file) {
      file = DurableRecords.open<StatusesFile>(
        join(this.directory, `${declaration}.json`),
        () => ({ statuses: {} }),
        // Statuses stored before statuses had versions hold them at 0, so any status stored since is newer.
        (stored) => ({ statuses: Object.fromEntries(Object.entries(stored.statuses).map(([clauseId, record]: [string, Omit<ParagraphStatusRecord, 'version'> & { version?: number }]) => [clauseId, { ...record, version: record.version ?? 0 }])) }),
      )
      this.files.set(declaration, file)
      file.then(
        (opened) => {
          this.opened.set(declaration, opened)
          this.remember(declaration)
        },
        () => this.files.delete(declaration),
      )
    }
    return file
  }

  private remember(declaration: string): void {
    const data = this.opened.get(declaration)?.data
    this.maps.set(declaration, new Map(Object.entries(data?.statuses ?? {})))
  }

  async list(declaration: string): Promise<ParagraphStatusRecord[]> {
    const file = await this.file(declaration)
    return Object.values(file.data.statuses)
  }

  current(declaration: string): ReadonlyMap<string, ParagraphStatusRecord> {
    return this.maps.get(declaration) ?? new Map()
  }

  async set(declaration: string, record: ParagraphStatusRecord): Promise<void> {
    const file = await this.file(declaration)
    await file.commit((data) => {
      data.statuses[record.clauseId] = record
    })
    this.remember(declaration)
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map(async (file) => (await file).settled()))
  }
}
