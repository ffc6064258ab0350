import { execFile } from 'node:child_process'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A real, small filesystem of its own (tmpfs), which a test can fill up, free again, or make read-only. */
export interface SmallDisk {
  path: string
  /** Writes a filler file until the disk is full. */
  fill(): Promise<void>
  /** Deletes the filler. */
  free(): Promise<void>
  remount(options: string): Promise<void>
  unmount(): Promise<void>
}

/** Mounts a tmpfs of `sizeMiB`; null where this process may not mount (it needs root). */
export async function mountSmallDisk(sizeMiB: number): Promise<SmallDisk | null> {
  const path = await mkdtemp(join(tmpdir(), 'kelisim-disk-'))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', path])
  } catch {
    await rm(path, { recursive: true, force: true })
    return null
  }
  const filler = join(path, '.filler')
  return {
    path,
    fill: async () => {
      const handle = await open(filler, 'a')
      const block = Buffer.alloc(64 * 1024)
      try {
        for (;;) await handle.write(block)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
      } finally {
        await handle.close()
      }
    },
    free: () => rm(filler, { force: true }),
    remount: async (options) => {
      await run('mount', ['-o', `remount,${options}`, path])
    },
    unmount: async () => {
      await run('umount', ['-l', path])
      await rm(path, { recursive: true, force: true })
    },
  }
}
