import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MAX_PRESENCE_JSON, PresenceState, type PresenceUser } from '../../../shared/awareness.js'

/** One client's entry in an awareness update. */
export interface PresenceEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/** Decodes an awareness update strictly; throws on malformed framing or JSON. */
export function decodePresence(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: PresenceEntry[] = []
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    if (json.length > MAX_PRESENCE_JSON) throw new Error('presence state too large')
    const parsed: unknown = JSON.parse(json)
    entries.push({ clientId, clock, state: parsed === null ? null : PresenceState.parse(parsed) })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in presence update')
  return entries
}

/** Encodes entries back into an awareness update. */
export function encodePresence(entries: PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}

/** Replaces whatever identity a client claimed with the one from its session. */
export function stampIdentity(entries: PresenceEntry[], user: PresenceUser): PresenceEntry[] {
  return entries.map((entry) => (entry.state === null ? entry : { ...entry, state: { ...entry.state, user } }))
}
