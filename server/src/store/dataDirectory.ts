import { createHash } from 'node:crypto'
import { access, constants, mkdir, readdir, readFile, realpath } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'

/** The file that marks a folder as Kelisim's and holds its records. */
export const DATA_FILE = 'kelisim.json'

/** The folders Kelisim keeps in a data folder, beside DATA_FILE. */
export const DATA_FOLDERS = { documents: 'documents', comments: 'comments', audit: 'audit', signatures: 'signatures', versions: 'versions', amendments: 'amendments', brackets: 'brackets', silence: 'silence', paragraphStatuses: 'paragraph-statuses' } as const

// What Kelisim may leave at the top of its folder: the records' temp file, and the lock file of earlier releases.
const kelisimEntries = new Set([DATA_FILE, `${DATA_FILE}.tmp`, 'kelisim.lock', ...Object.values(DATA_FOLDERS)])

/** A start-up problem with one clear sentence for the operator. */
export class StartupError extends Error {}

/** Checks that a data folder is usable and Kelisim's (or empty), without writing anything into it. */
export async function checkDataDirectory(path: string): Promise<void> {
  let entries: string[]
  try {
    entries = await readdir(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      try {
        await mkdir(path, { recursive: true })
      } catch {
        throw new StartupError(`DATA_DIR ${path} does not exist and cannot be created.`)
      }
      return
    }
    if (code === 'ENOTDIR') throw new StartupError(`DATA_DIR ${path} is a file, not a folder.`)
    throw new StartupError(`DATA_DIR ${path} cannot be read (${code ?? 'unknown error'}).`)
  }
  try {
    await access(path, constants.W_OK)
  } catch {
    throw new StartupError(`DATA_DIR ${path} is not writable by this process.`)
  }
  const visible = entries.filter((entry) => !entry.startsWith('.'))
  if (!entries.includes(DATA_FILE)) {
    // A folder holding only what Kelisim writes is one it started, stopped before its records were first written.
    if (visible.every((entry) => kelisimEntries.has(entry))) return
    throw new StartupError(`DATA_DIR ${path} is not empty and holds no Kelisim data; choose an empty folder or a Kelisim data folder.`)
  }
  try {
    const data = JSON.parse(await readFile(join(path, DATA_FILE), 'utf8')) as { format?: unknown }
    if (data.format !== 'kelisim') throw new Error('foreign format')
  } catch {
    throw new StartupError(`DATA_DIR ${path} holds a ${DATA_FILE} that is not Kelisim's; choose another folder.`)
  }
}

/**
 * Takes the folder's lock so that no second server writes into it; the returned function releases it. The lock is
 * an abstract unix socket named after the folder's real path: the kernel frees it when the process dies, so no
 * stale lock (or a reused process id) can block a restart.
 */
export async function lockDataDirectory(path: string): Promise<() => Promise<void>> {
  const name = `\0kelisim-data-${createHash('sha256').update(await realpath(path)).digest('hex')}`
  const lock = createServer()
  await new Promise<void>((resolve, reject) => {
    lock.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Another Kelisim server is already using DATA_DIR ${path}.`)
          : new StartupError(`DATA_DIR ${path} could not be locked (${error.code ?? error.message}).`),
      ),
    )
    lock.listen({ path: name, exclusive: true }, () => resolve())
  })
  // The lock must not keep a finished process alive.
  lock.unref()
  return () => new Promise<void>((resolve) => lock.close(() => resolve()))
}
