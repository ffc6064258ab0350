import { crc32 } from 'node:zlib'
import { DamagedLogError } from './DamagedLogError.js'
import { decodeLogV1, LOG_MAGIC_V1 } from './updateLogFormatV1.js'

/** Every update log starts with these bytes, so a foreign file is never read as one; the digit is the format version. */
export const LOG_MAGIC = Buffer.from('KELISIM-YLOG-2\n', 'ascii')
/** Length, CRC-32 of the update, CRC-32 of those eight bytes. */
const HEADER_BYTES = 12

/** Frames one update as a record: length, CRC-32 of the update, CRC-32 of the header so far, bytes. */
export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + update.byteLength)
  record.writeUInt32LE(update.byteLength, 0)
  record.writeUInt32LE(crc32(update), 4)
  record.writeUInt32LE(crc32(record.subarray(0, 8)), 8)
  record.set(update, HEADER_BYTES)
  return record
}

/** A whole log file in the current format holding `updates`. */
export function encodeLog(updates: Uint8Array[]): Buffer {
  return Buffer.concat([LOG_MAGIC, ...updates.map(encodeRecord)])
}

/** The records of a log file, how many bytes of it are whole, and the format it was written in. */
export interface DecodedLog {
  updates: Uint8Array[]
  validBytes: number
  version: 1 | 2
}

/** The record at `offset` and where it ends, or null if it is incomplete or fails a checksum. */
function recordAt(file: Buffer, offset: number): { update: Buffer; end: number } | null {
  if (offset + HEADER_BYTES > file.byteLength) return null
  if (crc32(file.subarray(offset, offset + 8)) !== file.readUInt32LE(offset + 8)) return null
  const end = offset + HEADER_BYTES + file.readUInt32LE(offset)
  if (end > file.byteLength) return null
  const update = file.subarray(offset + HEADER_BYTES, end)
  return crc32(update) === file.readUInt32LE(offset + 4) ? { update, end } : null
}

/** Whether a whole, valid record starts anywhere from `from` on. */
function wholeRecordFrom(file: Buffer, from: number): boolean {
  for (let offset = from; offset + HEADER_BYTES <= file.byteLength; offset += 1) {
    if (recordAt(file, offset)) return true
  }
  return false
}

/**
 * Reads records until the end or a torn tail, which a crash mid-append leaves: a last record cut short, or part of an
 * unsynced append never landed (zeros). A bad record is a torn tail only when no whole record follows it anywhere;
 * since every header has its own checksum, a damaged length cannot make the records after it vanish. A bad record
 * followed by a whole one throws `DamagedLogError`. Logs in format 1 are read by that format's rules, to be migrated.
 */
export function decodeLog(file: Buffer): DecodedLog {
  if (file.subarray(0, LOG_MAGIC_V1.byteLength).equals(LOG_MAGIC_V1)) return { ...decodeLogV1(file), version: 1 }
  if (file.byteLength < LOG_MAGIC.byteLength || !file.subarray(0, LOG_MAGIC.byteLength).equals(LOG_MAGIC)) {
    throw new Error('not a Kelisim update log')
  }
  const updates: Uint8Array[] = []
  let offset = LOG_MAGIC.byteLength
  while (offset < file.byteLength) {
    const record = recordAt(file, offset)
    if (!record) {
      if (wholeRecordFrom(file, offset + 1)) throw new DamagedLogError(offset)
      break
    }
    updates.push(new Uint8Array(record.update))
    offset = record.end
  }
  return { updates, validBytes: offset, version: 2 }
}
