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

/** Where and how a chain breaks: `problem` names the reason for any language, `position` is where the entry stands in the list. */
export interface ChainBreak {
  seq: number
  reason: string
  problem: 'missing' | 'unlinked' | 'altered'
  position: number
}

/** Where a chain breaks, or null when every entry follows from the one before. */
export async function findChainBreak(entries: (AuditEntryBody & { hash: string })[]): Promise<ChainBreak | null> {
  let previous = GENESIS_HASH
  for (const [index, entry] of entries.entries()) {
    const position = index + 1
    if (entry.seq !== position) return { seq: entry.seq, reason: `entry ${position} is missing or out of order`, problem: 'missing', position }
    if (entry.previousHash !== previous) return { seq: entry.seq, reason: 'it does not follow from the entry before it', problem: 'unlinked', position }
    if ((await chainHash(entry)) !== entry.hash) return { seq: entry.seq, reason: 'its content does not match its hash', problem: 'altered', position }
    previous = entry.hash
  }
  return null
}
