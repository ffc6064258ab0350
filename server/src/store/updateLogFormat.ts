import { crc32 } from 'node:zlib'

/** Every update log starts with these bytes, so a foreign file is never read as one. */
export const LOG_MAGIC = Buffer.from('KELISIM-YLOG-1\n', 'ascii')
const HEADER_BYTES = 8

/** Frames one update as a record: length, CRC-32, bytes. */
export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + update.byteLength)
  record.writeUInt32LE(update.byteLength, 0)
  record.writeUInt32LE(crc32(update), 4)
  record.set(update, HEADER_BYTES)
  return record
}

/** The records of a log file, and how many bytes of it are whole. */
export interface DecodedLog {
  updates: Uint8Array[]
  validBytes: number
}

/**
 * Reads records until the end or a torn tail, which a crash mid-append can leave: a short last record, or a
 * last record whose checksum fails. A failing record with data after it is damage, not a tear: that throws.
 */
export function decodeLog(file: Buffer): DecodedLog {
  if (file.byteLength < LOG_MAGIC.byteLength || !file.subarray(0, LOG_MAGIC.byteLength).equals(LOG_MAGIC)) {
    throw new Error('not a Kelisim update log')
  }
  const updates: Uint8Array[] = []
  let offset = LOG_MAGIC.byteLength
  while (offset + HEADER_BYTES <= file.byteLength) {
    const length = file.readUInt32LE(offset)
    const checksum = file.readUInt32LE(offset + 4)
    const end = offset + HEADER_BYTES + length
    if (end > file.byteLength) break
    const update = file.subarray(offset + HEADER_BYTES, end)
    if (crc32(update) !== checksum) {
      if (end < file.byteLength) throw new Error(`update log damaged at byte ${offset}`)
      break
    }
    updates.push(new Uint8Array(update))
    offset = end
  }
  return { updates, validBytes: offset }
}
