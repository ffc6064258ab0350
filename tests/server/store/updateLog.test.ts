import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/src/log.js'
import { decodeLog, encodeRecord, LOG_MAGIC } from '../../../server/src/store/updateLogFormat.js'
import { UpdateLogStore } from '../../../server/src/store/UpdateLogStore.js'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function freshStore() {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-log-'))
  dirs.push(dir)
  return { dir, store: await UpdateLogStore.create(dir, createLogger(process.stderr, 'silent')) }
}

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('the update log', () => {
  it('reads back every record whole, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (updates) => {
        const file = Buffer.concat([LOG_MAGIC, ...updates.map(encodeRecord)])
        const decoded = decodeLog(file)
        expect(decoded.updates).toEqual(updates)
        expect(decoded.validBytes).toBe(file.byteLength)
      }),
    )
  })

  it('stops at any torn tail, keeping every whole record before it', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 50 }), { minLength: 1, maxLength: 10 }), fc.nat(), (updates, cut) => {
        const file = Buffer.concat([LOG_MAGIC, ...updates.map(encodeRecord)])
        const torn = file.subarray(0, LOG_MAGIC.byteLength + (cut % (file.byteLength - LOG_MAGIC.byteLength)))
        const decoded = decodeLog(torn)
        expect(updates.slice(0, decoded.updates.length)).toEqual(decoded.updates)
        expect(decoded.validBytes).toBeLessThanOrEqual(torn.byteLength)
      }),
    )
  })

  it('refuses a file that is not a log', () => {
    expect(() => decodeLog(Buffer.from('{"json": true}'))).toThrow(/not a Kelisim update log/)
  })

  it('truncates a torn tail on load, keeping a copy, and appends after it', async () => {
    const { dir, store } = await freshStore()
    await store.createDocument('doc', bytes(1, 2, 3))
    await store.load('doc')
    await store.append('doc', [bytes(4, 5)])
    await store.release('doc')
    await appendFile(join(dir, 'doc.ylog'), Buffer.from([9, 0, 0, 0, 1, 2]))
    expect(await store.load('doc')).toEqual([bytes(1, 2, 3), bytes(4, 5)])
    expect((await readdir(dir)).some((name) => name.startsWith('doc.ylog.damaged-'))).toBe(true)
    await store.append('doc', [bytes(6)])
    await store.release('doc')
    expect(decodeLog(await readFile(join(dir, 'doc.ylog'))).updates).toEqual([bytes(1, 2, 3), bytes(4, 5), bytes(6)])
  })

  it('refuses to load a log with a flipped byte before its last record, changing nothing', async () => {
    const { dir, store } = await freshStore()
    await store.createDocument('doc', bytes(1, 2, 3))
    await store.load('doc')
    await store.append('doc', [bytes(4, 5)])
    await store.release('doc')
    const path = join(dir, 'doc.ylog')
    const file = await readFile(path)
    file.writeUInt8(file.readUInt8(LOG_MAGIC.byteLength + 8) ^ 0xff, LOG_MAGIC.byteLength + 8)
    await writeFile(path, file)
    await expect(store.load('doc')).rejects.toThrow(/damaged at byte/)
    expect(await readFile(path)).toEqual(file)
  })

  it('compacts atomically into one record and keeps appending', async () => {
    const { dir, store } = await freshStore()
    await store.createDocument('doc', bytes(1))
    await store.load('doc')
    expect(await store.append('doc', [bytes(2), bytes(3)])).toBe(3)
    await store.compact('doc', bytes(7, 7))
    expect(await store.append('doc', [bytes(8)])).toBe(2)
    await store.close()
    expect(decodeLog(await readFile(join(dir, 'doc.ylog'))).updates).toEqual([bytes(7, 7), bytes(8)])
    expect(await readdir(dir)).toEqual(['doc.ylog'])
  })

  it('refuses to create a document twice', async () => {
    const { store } = await freshStore()
    await store.createDocument('doc', bytes(1))
    await expect(store.createDocument('doc', bytes(2))).rejects.toThrow()
  })
})
