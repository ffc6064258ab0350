import { crc32 } from 'node:zlib'
import { DamagedLogError } from './DamagedLogError.js'

/** The first bytes of a log in format 1, whose record headers (length, CRC-32 of the update) had no checksum. */
export const LOG_MAGIC_V1 = Buffer.from('KELISIM-YLOG-1\n', 'ascii')
const HEADER_BYTES_V1 = 8

/**
 * Reads a format 1 log by that format's rules, only to migrate it: a record that runs past the end is taken for a torn
 * tail (format 1 cannot tell it from a damaged length), a failing record with data after it throws.
 */
export function decodeLogV1(file: Buffer): { updates: Uint8Array[]; validBytes: number } {
  const updates: Uint8Array[] = []
  let offset = LOG_MAGIC_V1.byteLength
  while (offset + HEADER_BYTES_V1 <= file.byteLength) {
    const end = offset + HEADER_BYTES_V1 + file.readUInt32LE(offset)
    if (end > file.byteLength) break
    const update = file.subarray(offset + HEADER_BYTES_V1, end)
    if (crc32(update) !== file.readUInt32LE(offset + 4)) {
      if (end < file.byteLength) throw new DamagedLogError(offset)
      break
    }
    updates.push(new Uint8Array(update))
    offset = end
  }
  return { updates, validBytes: offset }
}
