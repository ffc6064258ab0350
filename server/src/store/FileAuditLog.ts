import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chainHash, GENESIS_HASH } from '../../../shared/versions/auditChain.js'
import { appendJsonLine, readJsonLines } from './jsonLines.js'
import { KeyedQueue } from './KeyedQueue.js'
import type { AuditEntry, AuditLog } from './Store.js'

/** Audit logs as JSON lines, one file per declaration, each line fsynced before it counts. */
export class FileAuditLog implements AuditLog {
  private readonly queue = new KeyedQueue()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<FileAuditLog> {
    await mkdir(directory, { recursive: true })
    return new FileAuditLog(directory)
  }

  private path(declaration: string): string {
    return join(this.directory, `${declaration}.jsonl`)
  }

  list(declaration: string): Promise<AuditEntry[]> {
    return readJsonLines<AuditEntry>(this.path(declaration))
  }

  append(declaration: string, entry: Pick<AuditEntry, 'actor' | 'action' | 'details'>): Promise<AuditEntry> {
    const run = async () => {
      const previous = (await this.list(declaration)).at(-1)
      const body = {
        seq: (previous?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        actor: entry.actor,
        action: entry.action,
        details: entry.details,
        previousHash: previous?.hash ?? GENESIS_HASH,
      }
      const full: AuditEntry = { ...body, hash: await chainHash(body) }
      await appendJsonLine(this.path(declaration), full)
      return full
    }
    return this.queue.run(declaration, run)
  }
}
