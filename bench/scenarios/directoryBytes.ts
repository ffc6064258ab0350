import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Total size of the files under a folder, in bytes. */
export async function directoryBytes(path: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name)
    total += entry.isDirectory() ? await directoryBytes(full) : (await stat(full)).size
  }
  return total
}
