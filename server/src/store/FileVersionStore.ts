import { mkdir, open, readdir, readFile } from 'node:fs/promises'
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

  async append(version: VersionRecord): Promise<void> {
    const folder = this.folder(version.declaration)
    await mkdir(folder, { recursive: true })
    // "wx" refuses to replace an existing file: a version, once written, is never written again.
    const handle = await open(join(folder, `${String(version.seq).padStart(6, '0')}.json`), 'wx')
    try {
      await handle.writeFile(JSON.stringify(version, null, 2))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsyncDirectory(folder)
  }
}
