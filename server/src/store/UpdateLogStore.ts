import { copyFile, mkdir, open, readFile, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { KeyedQueue } from './KeyedQueue.js'
import type { DocumentStore } from './Store.js'
import { appendWhole, fsyncDirectory, writeFileDurably } from './durableFile.js'
import { DamagedLogError } from './DamagedLogError.js'
import { decodeLog, encodeLog, encodeRecord, type DecodedLog } from './updateLogFormat.js'
import type { Logger } from '../log.js'

interface OpenLog {
  handle: FileHandle
  records: number
  /** Bytes of whole records; anything after them is a failed append's remains. */
  size: number
}

/** Document histories as append-only, checksummed files, one per document: a write costs one document. */
export class UpdateLogStore implements DocumentStore {
  private readonly open = new Map<string, OpenLog>()
  private readonly queue = new KeyedQueue()

  constructor(
    private readonly directory: string,
    private readonly log: Logger,
  ) {}

  static async create(directory: string, log: Logger): Promise<UpdateLogStore> {
    await mkdir(directory, { recursive: true })
    return new UpdateLogStore(directory, log)
  }

  private pathOf(name: string): string {
    return join(this.directory, `${name}.ylog`)
  }

  /** Runs operations on one document strictly one after another. */
  private serially<T>(name: string, operation: () => Promise<T>): Promise<T> {
    return this.queue.run(name, operation)
  }

  load(name: string): Promise<Uint8Array[]> {
    return this.serially(name, async () => {
      const path = this.pathOf(name)
      const file = await readFile(path)
      const { updates, validBytes, version } = this.decode(name, path, file)
      if (validBytes < file.byteLength) {
        // A torn tail is what a crash mid-append leaves; keep a copy before dropping it.
        const copy = `${path}.damaged-${Date.now()}`
        await copyFile(path, copy)
        this.log.warn('update_log_tail_dropped', { document: name, droppedBytes: file.byteLength - validBytes, copy })
      }
      let size = validBytes
      if (version !== 2) {
        const migrated = encodeLog(updates)
        await writeFileDurably(path, migrated)
        size = migrated.byteLength
        this.log.info('update_log_migrated', { document: name, from: version, records: updates.length })
      } else if (validBytes < file.byteLength) {
        const handle = await open(path, 'r+')
        await handle.truncate(validBytes)
        await handle.sync()
        await handle.close()
      }
      await this.closeHandle(name)
      this.open.set(name, { handle: await open(path, 'r+'), records: updates.length, size })
      return updates
    })
  }

  /** Decodes a log, naming the file and offset of any damage in the server log; a damaged file is left as it is. */
  private decode(name: string, path: string, file: Buffer): DecodedLog {
    try {
      return decodeLog(file)
    } catch (error) {
      if (error instanceof DamagedLogError) this.log.error('update_log_damaged', { document: name, file: path, offset: error.offset })
      throw error
    }
  }

  append(name: string, updates: Uint8Array[]): Promise<number> {
    return this.serially(name, async () => {
      const log = this.open.get(name)
      if (!log) throw new Error(`document ${name} is not loaded`)
      const bytes = Buffer.concat(updates.map(encodeRecord))
      await appendWhole(log.handle, log.size, bytes)
      log.size += bytes.byteLength
      log.records += updates.length
      return log.records
    })
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    return this.serially(name, async () => {
      const path = this.pathOf(name)
      const bytes = encodeLog([state])
      await writeFileDurably(path, bytes)
      await this.closeHandle(name)
      this.open.set(name, { handle: await open(path, 'r+'), records: 1, size: bytes.byteLength })
    })
  }

  /** Writes a new document's first state; fails if the document already exists. */
  createDocument(name: string, state: Uint8Array): Promise<void> {
    return this.serially(name, async () => {
      const path = this.pathOf(name)
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(encodeLog([state]))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fsyncDirectory(this.directory)
    })
  }

  release(name: string): Promise<void> {
    return this.serially(name, () => this.closeHandle(name))
  }

  private async closeHandle(name: string): Promise<void> {
    const log = this.open.get(name)
    if (!log) return
    this.open.delete(name)
    await log.handle.close()
  }

  /** Closes every open file once pending operations finish. */
  async close(): Promise<void> {
    await this.queue.settled()
    await Promise.all([...this.open.keys()].map((name) => this.release(name)))
  }
}
