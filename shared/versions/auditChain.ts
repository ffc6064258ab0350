import canonicalize from 'canonicalize'
import { sha256Hex } from './canonicalText.js'

/** The previous hash of the first entry of every audit log. */
export const GENESIS_HASH = '0'.repeat(64)

/** An audit entry without its own hash. */
export interface AuditEntryBody {
  seq: number
  at: string
  actor: unknown
  action: string
  details: unknown
  previousHash: string
}

/** The hash of an entry: SHA-256 of its RFC 8785 serialization, which includes the previous entry's hash. */
export function chainHash(body: AuditEntryBody): Promise<string> {
  const { seq, at, actor, action, details, previousHash } = body
  return sha256Hex(canonicalize({ seq, at, actor, action, details, previousHash }) ?? '')
}

/** Where a chain breaks, or null when every entry follows from the one before. */
export async function findChainBreak(entries: (AuditEntryBody & { hash: string })[]): Promise<{ seq: number; reason: string } | null> {
  let previous = GENESIS_HASH
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1) return { seq: entry.seq, reason: `entry ${index + 1} is missing or out of order` }
    if (entry.previousHash !== previous) return { seq: entry.seq, reason: 'it does not follow from the entry before it' }
    if ((await chainHash(entry)) !== entry.hash) return { seq: entry.seq, reason: 'its content does not match its hash' }
    previous = entry.hash
  }
  return null
}
