import { open, readFile } from 'node:fs/promises'

/** Every record of a JSON-lines file; none when it does not exist yet. */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

/** Appends one record and fsyncs it before resolving. */
export async function appendJsonLine(path: string, record: unknown): Promise<void> {
  const handle = await open(path, 'a')
  try {
    await handle.write(`${JSON.stringify(record)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
