import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { DamagedLogError } from '../../../server/src/store/DamagedLogError.js'
import { decodeLog, encodeLog, LOG_MAGIC } from '../../../server/src/store/updateLogFormat.js'
import { UpdateLogStore } from '../../../server/src/store/UpdateLogStore.js'
import { capturedLogger } from '../../helpers/logCapture.js'

const HEADER_BYTES = 12
const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** Where each record of `updates` starts in the file `encodeLog` makes of them. */
const offsetsOf = (updates: Uint8Array[]) => updates.map((_, index) => LOG_MAGIC.byteLength + updates.slice(0, index).reduce((sum, update) => sum + HEADER_BYTES + update.byteLength, 0))

describe('damage in the middle of an update log', () => {
  it('is never read as a torn tail: a flipped bit in any header but the last stops the load at that record', () => {
    const logs = fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 2, maxLength: 8 })
    fc.assert(
      fc.property(logs, fc.nat(), fc.nat({ max: HEADER_BYTES * 8 - 1 }), (updates, which, bit) => {
        const record = which % (updates.length - 1)
        const offset = offsetsOf(updates)[record]!
        const file = encodeLog(updates)
        file[offset + Math.floor(bit / 8)]! ^= 1 << bit % 8
        expect(() => decodeLog(file)).toThrow(new DamagedLogError(offset))
      }),
    )
  })

  it('a length made to run past the end of the file is damage, not a tear, and the file stays as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kelisim-log-'))
    dirs.push(dir)
    const { log, lines } = capturedLogger()
    const store = await UpdateLogStore.create(dir, log)
    await store.createDocument('doc', Uint8Array.of(1, 2, 3))
    await store.createDocument('other', Uint8Array.of(7))
    await store.load('doc')
    await store.append('doc', [Uint8Array.of(4, 5), Uint8Array.of(6)])
    await store.release('doc')
    const path = join(dir, 'doc.ylog')
    const file = await readFile(path)
    const second = LOG_MAGIC.byteLength + HEADER_BYTES + 3
    file.writeUInt32LE(0x7fff_fff0, second)
    await writeFile(path, file)

    await expect(store.load('doc')).rejects.toThrow(`update log damaged at byte ${second}`)
    expect(await readFile(path)).toEqual(file)
    expect((await readdir(dir)).sort()).toEqual(['doc.ylog', 'other.ylog'])
    expect(lines.find((line) => line.event === 'update_log_damaged')).toMatchObject({ level: 'error', document: 'doc', file: path, offset: second })
    expect(await store.load('other')).toEqual([Uint8Array.of(7)])
    await store.close()
  })

  it('zeros where an append never landed are a torn tail', () => {
    const updates = [Uint8Array.of(1), Uint8Array.of(2, 3)]
    const file = Buffer.concat([encodeLog(updates), Buffer.alloc(40)])
    expect(decodeLog(file)).toMatchObject({ updates, validBytes: file.byteLength - 40 })
  })
})

describe('a torn append', () => {
  it('loses only the records of the append that tore, wherever it stopped landing', () => {
    const logs = fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(logs, logs, fc.nat(), fc.nat(), (synced, torn, cut, zeros) => {
        const whole = encodeLog(synced)
        const batch = encodeLog(torn).subarray(LOG_MAGIC.byteLength)
        // The file may end anywhere within the append, or run on in zeros where its bytes never landed.
        const landed = batch.subarray(0, cut % (batch.byteLength + 1))
        const decoded = decodeLog(Buffer.concat([whole, landed, Buffer.alloc(zeros % 64)]))
        expect(decoded.updates.slice(0, synced.length)).toEqual(synced)
        expect(torn.slice(0, decoded.updates.length - synced.length)).toEqual(decoded.updates.slice(synced.length))
        expect(decoded.validBytes).toBeGreaterThanOrEqual(whole.byteLength)
      }),
    )
  })
})
