import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeLog, LOG_MAGIC } from '../../../server/src/store/updateLogFormat.js'
import { UpdateLogStore } from '../../../server/src/store/UpdateLogStore.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { encodeLogV1 } from '../../helpers/updateLogV1.js'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function storeWithV1Log(updates: Uint8Array[], tail = Buffer.alloc(0)) {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-log-'))
  dirs.push(dir)
  const path = join(dir, 'doc.ylog')
  await writeFile(path, encodeLogV1(updates))
  if (tail.byteLength > 0) await appendFile(path, tail)
  const { log, lines } = capturedLogger()
  return { dir, path, lines, store: await UpdateLogStore.create(dir, log) }
}

const updates = [Uint8Array.of(1, 2, 3), new TextEncoder().encode('Алматы 阿拉木图 ألماتي'), Uint8Array.of()]

describe('update logs written in format 1', () => {
  it('load as they were and are rewritten in the current format, which later appends extend', async () => {
    const { dir, path, lines, store } = await storeWithV1Log(updates)
    expect(await store.load('doc')).toEqual(updates)
    const migrated = await readFile(path)
    expect(migrated.subarray(0, LOG_MAGIC.byteLength)).toEqual(LOG_MAGIC)
    expect(decodeLog(migrated)).toEqual({ updates, validBytes: migrated.byteLength, version: 2 })
    expect(lines.find((line) => line.event === 'update_log_migrated')).toMatchObject({ document: 'doc', from: 1, records: 3 })
    expect(await store.append('doc', [Uint8Array.of(9)])).toBe(4)
    await store.close()
    expect(decodeLog(await readFile(path)).updates).toEqual([...updates, Uint8Array.of(9)])
    expect(await readdir(dir)).toEqual(['doc.ylog'])
  })

  it('keep a copy of a torn tail they had before it is left out of the rewrite', async () => {
    const { dir, path, store } = await storeWithV1Log(updates, Buffer.from([9, 0, 0, 0, 1, 2]))
    expect(await store.load('doc')).toEqual(updates)
    await store.close()
    expect(decodeLog(await readFile(path))).toMatchObject({ updates, version: 2 })
    const copies = (await readdir(dir)).filter((name) => name.startsWith('doc.ylog.damaged-'))
    expect(copies).toHaveLength(1)
    expect(await readFile(join(dir, copies[0]!))).toEqual(Buffer.concat([encodeLogV1(updates), Buffer.from([9, 0, 0, 0, 1, 2])]))
  })
})
