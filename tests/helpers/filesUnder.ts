import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/**
 * Every file and folder under `root`, sorted, each with a digest of its contents (folders with "dir"), so a test can
 * show that requests changed nothing on disk. Files matching `namesOnly` are listed without their contents: update
 * logs are rewritten whole by compaction whenever a document is unloaded.
 */
export async function filesUnder(root: string, namesOnly: RegExp = /^documents\//): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const listing: [string, string][] = []
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name)
    const name = relative(root, path)
    if (entry.isDirectory()) listing.push([name, 'dir'])
    else if (namesOnly.test(name)) listing.push([name, 'file'])
    else listing.push([name, createHash('sha256').update(await readFile(path)).digest('hex')])
  }
  return Object.fromEntries(listing.sort(([a], [b]) => a.localeCompare(b)))
}
