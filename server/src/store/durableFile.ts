import { open, rename } from 'node:fs/promises'
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
