import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { appendJsonLine, readJsonLines } from './jsonLines.js'
import { KeyedQueue } from './KeyedQueue.js'
import type { SignatureRecord, SignatureStore } from './Store.js'

/** Signatures as JSON lines, one append-only file per declaration. */
export class FileSignatureStore implements SignatureStore {
  private readonly queue = new KeyedQueue()

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

  append(record: SignatureRecord, accept: (existing: SignatureRecord[]) => void | Promise<void>): Promise<void> {
    const run = async () => {
      await accept(await this.list(record.declaration))
      await appendJsonLine(this.path(record.declaration), record)
    }
    return this.queue.run(record.declaration, run)
  }

  exclusive<T>(declaration: string, operation: () => Promise<T>): Promise<T> {
    return this.queue.run(declaration, operation)
  }
}
