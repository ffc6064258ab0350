import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DurableRecords } from '../store/DurableRecords.js'
import type { SilenceRecord, SilenceStore } from './SilenceStore.js'

interface SilenceFile {
  silences: SilenceRecord[]
}

/** Silence procedures in one durable JSON file per declaration, opened on first use. */
export class FileSilenceStore implements SilenceStore {
  private readonly files = new Map<string, Promise<DurableRecords<SilenceFile>>>()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<FileSilenceStore> {
    await mkdir(directory, { recursive: true })
    return new FileSilenceStore(directory)
  }

  /** Declaration names are validated before they get here, so they are safe file names. */
  private file(declaration: string): Promise<DurableRecords<SilenceFile>> {
    let file = this.files.get(declaration)
    if (!file) {
      file = DurableRecords.open<SilenceFile>(join(this.directory, `${declaration}.json`), () => ({ silences: [] }))
      this.files.set(declaration, file)
      file.catch(() => this.files.delete(declaration))
    }
    return file
  }

  async list(declaration: string): Promise<SilenceRecord[]> {
    return structuredClone((await this.file(declaration)).data.silences)
  }

  async update<R>(declaration: string, change: (silences: SilenceRecord[]) => R): Promise<R> {
    return (await this.file(declaration)).commit((data) => change(data.silences))
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map(async (file) => (await file).settled()))
  }
}
