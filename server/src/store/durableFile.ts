import { open, rename, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Fsyncs a directory so a rename or a new file inside it survives a crash. */
export async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Replaces a file atomically: write a temp file, fsync it, rename it over, fsync the folder. */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, path)
  await fsyncDirectory(dirname(path))
}

/**
 * Writes all of `data` at `size`, the end of what is whole in the file, and syncs it. A full disk can leave part of
 * a record behind; it is cut off here, and in any case lies beyond `size`, where the next append overwrites it.
 */
export async function appendWhole(handle: FileHandle, size: number, data: Uint8Array): Promise<void> {
  try {
    let written = 0
    while (written < data.byteLength) {
      const { bytesWritten } = await handle.write(data, written, data.byteLength - written, size + written)
      written += bytesWritten
    }
    await handle.datasync()
  } catch (error) {
    await handle.truncate(size).catch(() => undefined)
    throw error
  }
}
