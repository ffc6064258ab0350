import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { ProtocolViolation } from './ProtocolViolation.js'

/** Most writers one honest update carries: a delegate's own sessions, even after a long time offline. */
export const MAX_CLIENTS_PER_UPDATE = 1000

/** Most pieces of one update that may wait for changes the server does not have yet (a few keystrokes do, briefly). */
export const MAX_PARKED_PIECES = 1000

/** Where each V1 decode stopped, keyed by the bytes it read: the decoder itself is not returned by Yjs. */
const decodersByInput = new WeakMap<Uint8Array, { pos: number }>()

class RecordingDecoderV1 extends Y.UpdateDecoderV1 {
  constructor(decoder: ConstructorParameters<typeof Y.UpdateDecoderV1>[0]) {
    super(decoder)
    decodersByInput.set(decoder.arr, decoder)
  }
}

/** Whose writer ids a connection may extend: its own, and any that no one else's open connection is writing with. */
export interface WriterClaims {
  /** The writer id this connection speaks for (its presence id), once known. */
  own: number | null
  /** True when another person's open connection speaks for this writer id. */
  isLiveElsewhere(client: number): boolean
}

/**
 * Checks what an update adds against whose it is. New changes under a writer id another person's open connection
 * speaks for are refused with "try again" (after a restart a client may resend another's lost changes before their author is
 * back). Pieces that Yjs would park, because they start past what the document has, may only be the connection's
 * own: parked pieces are merged into later updates of the same writer and could replace that writer's real changes.
 */
function checkWriters(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>, claims: WriterClaims): ParkedPieces {
  const reach = new Map<number, number>()
  const stateOf = (client: number) => reach.get(client) ?? Y.getState(doc.store, client)
  let parked = 0
  let deletes = false
  const park = (client: number) => {
    if (client !== claims.own) throw new ProtocolViolation(CloseCode.malformedMessage, 'The update builds on changes the server does not have.')
    parked += 1
  }
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    if (struct instanceof Y.Skip || clock + struct.length <= stateOf(client)) continue
    if (client !== claims.own && claims.isLiveElsewhere(client)) {
      throw new ProtocolViolation(CloseCode.writerConflict, 'The update adds changes under another open connection\'s writer id; reconnect to resync.')
    }
    if (clock > stateOf(client)) park(client)
    else reach.set(client, clock + struct.length)
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len <= stateOf(client)) continue
      park(client)
      deletes = true
    }
  }
  if (parked > MAX_PARKED_PIECES) throw new ProtocolViolation(CloseCode.malformedMessage, 'The update builds on changes the server does not have.')
  return { deletes }
}

/** What of an update Yjs will hold back, waiting for changes the server does not have yet. */
export interface ParkedPieces {
  /** Some of its deletions wait. */
  deletes: boolean
}

/** Writer ids whose inserts Yjs holds back now, waiting for changes the server does not have yet. */
export function parkedWriters(doc: Y.Doc): Set<number> {
  const pending = doc.store.pendingStructs
  if (!pending) return new Set()
  return new Set(Y.decodeUpdateV2(pending.update).structs.map((struct) => struct.id.client))
}

/** An update that passed the checks: decoded, for the schema check, and what of it Yjs would hold back. */
export interface CheckedUpdate {
  decoded: ReturnType<typeof Y.decodeUpdate>
  parked: ParkedPieces
}

/**
 * Checks an update from a client before any of it is applied. Only the V1 encoding is read (its decoding is linear in
 * the bytes, unlike crafted V2 payloads), all of it must be consumed, it may carry no more than a bounded number of
 * writers, which bounds the work of integrating concurrent inserts, and what it adds must be the sender's to add.
 * Returns the decoded update, for the schema check, and what of it Yjs would hold back.
 */
export function checkUntrustedUpdate(doc: Y.Doc, update: Uint8Array, claims: WriterClaims): CheckedUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdateV2(update, RecordingDecoderV1)
  } catch {
    throw new ProtocolViolation(CloseCode.malformedMessage, 'Malformed update.')
  }
  if (decodersByInput.get(update)?.pos !== update.byteLength) {
    throw new ProtocolViolation(CloseCode.malformedMessage, 'Updates must use the V1 encoding, with nothing after them.')
  }
  const clients = new Set<number>(decoded.ds.clients.keys())
  for (const struct of decoded.structs) clients.add(struct.id.client)
  if (clients.size > MAX_CLIENTS_PER_UPDATE) {
    throw new ProtocolViolation(CloseCode.malformedMessage, `An update may carry at most ${MAX_CLIENTS_PER_UPDATE} writers.`)
  }
  return { decoded, parked: checkWriters(doc, decoded, claims) }
}

/** Bytes of changes held back because what they build on has not arrived; a client's first edits can briefly be. */
export const MAX_PENDING_BYTES = 64 * 1024

/**
 * Yjs keeps an update whose dependencies are missing and retries it, with its deletions, on every later update.
 * Parked pieces add up across updates (and references to missing items are not counted above), so past a bound in
 * bytes what is parked is dropped and the update refused: otherwise it would tax every keystroke after it.
 */
export function checkPending(doc: Y.Doc): void {
  const { store } = doc
  const pending = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
  if (pending <= MAX_PENDING_BYTES) return
  store.pendingStructs = null
  store.pendingDs = null
  throw new ProtocolViolation(CloseCode.malformedMessage, 'The update builds on changes the server does not have.')
}
