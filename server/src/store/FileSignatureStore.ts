import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { appendJsonLine, readJsonLines } from './jsonLines.js'
import type { SignatureRecord, SignatureStore } from './Store.js'

/** Signatures as JSON lines, one append-only file per declaration. */
export class FileSignatureStore implements SignatureStore {
  private readonly queues = new Map<string, Promise<unknown>>()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<FileSignatureStore> {
    await mkdir(directory, { recursive: true })
    return new FileSignatureStore(directory)
  }

  private path(declaration: string): string {
    return join(this.directory, `${declaration}.jsonl`)
  }

  list(declaration: string): Promise<SignatureRecord[]> {
    return readJsonLines<SignatureRecord>(this.path(declaration))
  }

  append(record: SignatureRecord, accept: (existing: SignatureRecord[]) => void): Promise<void> {
    const run = async () => {
      accept(await this.list(record.declaration))
      await appendJsonLine(this.path(record.declaration), record)
    }
    const done = (this.queues.get(record.declaration) ?? Promise.resolve()).then(run, run)
    this.queues.set(record.declaration, done.catch(() => undefined))
    return done
  }
}
