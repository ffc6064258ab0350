import { constants } from 'node:fs'
import { open, readFile, type FileHandle } from 'node:fs/promises'
import { appendWhole } from './durableFile.js'

/** Every whole record of a JSON-lines file; none when it does not exist yet. */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  // A last line without its newline is an append cut short by a crash; it was never reported written.
  const lines = text.split('\n').slice(0, -1)
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T)
}

/** The length of the file up to the end of its last whole line. */
async function wholeLinesSize(handle: FileHandle): Promise<number> {
  const { size } = await handle.stat()
  if (size === 0) return 0
  const last = Buffer.alloc(1)
  await handle.read(last, 0, 1, size - 1)
  if (last[0] === 0x0a) return size
  const contents = await handle.readFile()
  return contents.lastIndexOf(0x0a) + 1
}

/** Appends one record and fsyncs it before resolving; a failed write leaves the file as it was. */
export async function appendJsonLine(path: string, record: unknown): Promise<void> {
  const handle = await open(path, constants.O_RDWR | constants.O_CREAT)
  try {
    await appendWhole(handle, await wholeLinesSize(handle), Buffer.from(`${JSON.stringify(record)}\n`))
  } finally {
    await handle.close()
  }
}
