import { access, constants, mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

/** The file that marks a folder as Kelisim's and holds its records. */
export const DATA_FILE = 'kelisim.json'
const LOCK_FILE = 'kelisim.lock'

/** A start-up problem with one clear sentence for the operator. */
export class StartupError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

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
  if (visible.length === 0) return
  if (!entries.includes(DATA_FILE)) {
    throw new StartupError(`DATA_DIR ${path} is not empty and holds no Kelisim data; choose an empty folder or a Kelisim data folder.`)
  }
  try {
    const data = JSON.parse(await readFile(join(path, DATA_FILE), 'utf8')) as { format?: unknown }
    if (data.format !== 'kelisim') throw new Error('foreign format')
  } catch {
    throw new StartupError(`DATA_DIR ${path} holds a ${DATA_FILE} that is not Kelisim's; choose another folder.`)
  }
}

/** Takes the folder's lock so that no second server writes into it; the returned function releases it. */
export async function lockDataDirectory(path: string): Promise<() => Promise<void>> {
  const lockPath = join(path, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StartupError(`DATA_DIR ${path} is not writable by this process.`)
      }
      const pid = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10)
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new StartupError(`Another Kelisim server (process ${pid}) is already using DATA_DIR ${path}.`)
      }
      // The process that held the lock is gone (killed); its lock is stale.
      await rm(lockPath, { force: true })
    }
  }
  throw new StartupError(`DATA_DIR ${path} could not be locked.`)
}
