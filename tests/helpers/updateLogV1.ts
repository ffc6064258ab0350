import { crc32 } from 'node:zlib'

/** A whole update log as format 1 wrote it (length, CRC-32 of the update, bytes; no header checksum), for migration tests. */
export function encodeLogV1(updates: Uint8Array[]): Buffer {
  const records = updates.map((update) => {
    const record = Buffer.allocUnsafe(8 + update.byteLength)
    record.writeUInt32LE(update.byteLength, 0)
    record.writeUInt32LE(crc32(update), 4)
    record.set(update, 8)
    return record
  })
  return Buffer.concat([Buffer.from('KELISIM-YLOG-1\n', 'ascii'), ...records])
}
