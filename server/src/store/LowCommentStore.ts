import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DurableRecords } from './DurableRecords.js'
import type { CommentStore, ThreadRecord } from './Store.js'

interface CommentsFile {
  threads: ThreadRecord[]
  /** Participant id -> when they last read their mentions. */
  mentionsReadAt: Record<string, string>
}

/** Comment threads in one lowdb file per declaration, opened on first use. */
export class LowCommentStore implements CommentStore {
  private readonly files = new Map<string, Promise<DurableRecords<CommentsFile>>>()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<LowCommentStore> {
    await mkdir(directory, { recursive: true })
    return new LowCommentStore(directory)
  }

  /** Declaration names are validated before they get here, so they are safe file names. */
  private file(declaration: string): Promise<DurableRecords<CommentsFile>> {
    let file = this.files.get(declaration)
    if (!file) {
      file = DurableRecords.open<CommentsFile>(
        join(this.directory, `${declaration}.json`),
        () => ({ threads: [], mentionsReadAt: {} }),
        // Threads written before threads had versions hold them at 0, so any change stored since is newer.
        (stored) => ({ ...stored, threads: stored.threads.map((thread: Omit<ThreadRecord, 'version'> & { version?: number }) => ({ ...thread, version: thread.version ?? 0 })) }),
      )
      this.files.set(declaration, file)
      file.catch(() => this.files.delete(declaration))
    }
    return file
  }

  async listThreads(declaration: string): Promise<ThreadRecord[]> {
    return [...(await this.file(declaration)).data.threads]
  }

  async updateThread(declaration: string, id: string, change: (thread: ThreadRecord | undefined) => Omit<ThreadRecord, 'version'>): Promise<ThreadRecord> {
    return (await this.file(declaration)).commit((data) => {
      const index = data.threads.findIndex((thread) => thread.id === id)
      const current = index >= 0 ? data.threads[index] : undefined
      const next = { ...change(current), version: (current?.version ?? 0) + 1 }
      if (index >= 0) data.threads[index] = next
      else data.threads.push(next)
      return next
    })
  }

  async getMentionsReadAt(declaration: string, participantId: string): Promise<string | null> {
    return (await this.file(declaration)).data.mentionsReadAt[participantId] ?? null
  }

  async setMentionsReadAt(declaration: string, participantId: string, at: string): Promise<void> {
    await (await this.file(declaration)).commit((data) => {
      data.mentionsReadAt[participantId] = at
    })
  }

  /** Waits for every pending write. */
  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map(async (file) => (await file).settled()))
  }
}
