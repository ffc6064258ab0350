import { randomUUID } from 'node:crypto'
import type { BigIntStats } from 'node:fs'
import { link, mkdir, open, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fsyncDirectory } from './durableFile.js'
import type { StoredVersion, VersionHeader, VersionRecord, VersionStore } from './Store.js'

/** Changes on every write, link, rename or replacement of the file; ctime cannot be set back as mtime can. */
const stampOf = (stats: BigIntStats): string => `${stats.ino}:${stats.size}:${stats.ctimeNs}`

function headerOf(record: VersionRecord, stamp: string): VersionHeader {
  const { serialized: _text, pendingAmendments: _pending, ...header } = record
  return { ...header, stamp }
}

/** A version file's bytes: its small fields as JSON, with the text spliced in as given, already encoded. */
function fileBytes(version: VersionRecord, storedText: Uint8Array): Buffer {
  const { serialized: _text, ...fields } = version
  const head = JSON.stringify(fields)
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"serialized":`), storedText, Buffer.from('}')])
}

/** One file per version, created exclusively and never rewritten: versions/<declaration>/<seq>.json. */
export class FileVersionStore implements VersionStore {
  /** Headers by file, each with the stamp it was read at: one parse of a megabyte serves every later list. */
  private readonly headers = new Map<string, VersionHeader>()

  constructor(private readonly directory: string) {}

  private folder(declaration: string): string {
    return join(this.directory, declaration)
  }

  private path(declaration: string, seq: number): string {
    return join(this.folder(declaration), `${String(seq).padStart(6, '0')}.json`)
  }

  /** The version files of a declaration, oldest first. */
  private async files(declaration: string): Promise<string[]> {
    const names = await readdir(this.folder(declaration)).catch(() => [] as string[])
    return names.filter((name) => /^\d{6}\.json$/.test(name)).sort()
  }

  private async readPath(path: string): Promise<StoredVersion | undefined> {
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    if (!handle) return undefined
    try {
      // Stamped before the read: a write during or after it changes the stamp, so it is never taken for what was read.
      const stamp = stampOf(await handle.stat({ bigint: true }))
      return { record: JSON.parse(await handle.readFile('utf8')) as VersionRecord, stamp }
    } finally {
      await handle.close()
    }
  }

  async list(declaration: string): Promise<VersionHeader[]> {
    const files = await this.files(declaration)
    const headers = await Promise.all(
      files.map(async (name) => {
        const path = join(this.folder(declaration), name)
        const known = this.headers.get(path)
        if (known && known.stamp === stampOf(await stat(path, { bigint: true }))) return known
        const stored = await this.readPath(path)
        if (!stored) return undefined
        const header = headerOf(stored.record, stored.stamp)
        this.headers.set(path, header)
        return header
      }),
    )
    return headers.filter((header): header is VersionHeader => header !== undefined)
  }

  read(declaration: string, seq: number): Promise<StoredVersion | undefined> {
    return this.readPath(this.path(declaration, seq))
  }

  async latestSeq(declaration: string): Promise<number> {
    const latest = (await this.files(declaration)).at(-1)
    return latest ? Number(latest.slice(0, 6)) : 0
  }

  async append(version: VersionRecord, storedText: Uint8Array): Promise<string | null> {
    const folder = this.folder(version.declaration)
    await mkdir(folder, { recursive: true })
    // Written whole under a name no reader lists, then linked in: a reader never sees half a version.
    const temp = join(folder, `.${randomUUID()}.tmp`)
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(fileBytes(version, storedText))
      await handle.sync()
    } finally {
      await handle.close()
    }
    const path = this.path(version.declaration, version.seq)
    try {
      // A link never replaces an existing file: whoever links a number first has it, once and for good.
      await link(temp, path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null
      throw error
    } finally {
      await unlink(temp)
    }
    await fsyncDirectory(folder)
    // Stamped once linked and the temporary name gone, as every later stat finds it.
    const header = headerOf(version, stampOf(await stat(path, { bigint: true })))
    this.headers.set(path, header)
    return header.stamp
  }
}
