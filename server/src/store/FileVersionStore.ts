import { randomUUID } from 'node:crypto'
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fsyncDirectory } from './durableFile.js'
import type { VersionRecord, VersionStore } from './Store.js'

/** One file per version, created exclusively and never rewritten: versions/<declaration>/<seq>.json. */
export class FileVersionStore implements VersionStore {
  constructor(private readonly directory: string) {}

  private folder(declaration: string): string {
    return join(this.directory, declaration)
  }

  /** The version files of a declaration, oldest first. */
  private async files(declaration: string): Promise<string[]> {
    const names = await readdir(this.folder(declaration)).catch(() => [] as string[])
    return names.filter((name) => /^\d{6}\.json$/.test(name)).sort()
  }

  async list(declaration: string): Promise<VersionRecord[]> {
    const files = await this.files(declaration)
    return Promise.all(files.map(async (name) => JSON.parse(await readFile(join(this.folder(declaration), name), 'utf8')) as VersionRecord))
  }

  async latestSeq(declaration: string): Promise<number> {
    const latest = (await this.files(declaration)).at(-1)
    return latest ? Number(latest.slice(0, 6)) : 0
  }

  async append(version: VersionRecord): Promise<boolean> {
    const folder = this.folder(version.declaration)
    await mkdir(folder, { recursive: true })
    // Written whole under a name no reader lists, then linked in: a reader never sees half a version.
    const temp = join(folder, `.${randomUUID()}.tmp`)
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(JSON.stringify(version, null, 2))
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      // A link never replaces an existing file: whoever links a number first has it, once and for good.
      await link(temp, join(folder, `${String(version.seq).padStart(6, '0')}.json`))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw error
    } finally {
      await unlink(temp)
    }
    await fsyncDirectory(folder)
    return true
  }
}
