import * as encoding from 'lib0/encoding'
import type { ServerKind } from '../servers/ServerKind.js'

/** Where and how a load connection reaches one document on one server. */
export interface Target {
  kind: ServerKind
  port: number
  document: string
}

/** What a received frame is, as far as a light receiver needs to know. */
export type FrameMeaning = { kind: 'update'; update: Uint8Array } | { kind: 'synced' } | { kind: 'other' }

const SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_TOKEN = 0

/** The websocket path each server serves a document on. */
export function socketPath(target: Target): string {
  if (target.kind === 'kelisim') return `/sync/${target.document}`
  // The floor relay speaks the reference server's dialect.
  if (target.kind === 'reference' || target.kind === 'floor') return `/${target.document}`
  return '/'
}

/** The base URL a stock provider is given; it adds the document name itself (Hocuspocus sends it in each message). */
export function providerUrl(target: Target): string {
  return target.kind === 'kelisim' ? `ws://127.0.0.1:${target.port}/sync` : `ws://127.0.0.1:${target.port}`
}

function frame(target: Target, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  // Hocuspocus multiplexes documents on one socket, so every message starts with the document's name.
  if (target.kind === 'hocuspocus') encoding.writeVarString(encoder, target.document)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** What a light receiver sends on open: authentication where the protocol has it, then sync step 1 with nothing known. */
export function openingFrames(target: Target, token: string): Uint8Array[] {
  const step1 = frame(target, (encoder) => {
    encoding.writeVarUint(encoder, SYNC)
    encoding.writeVarUint(encoder, STEP1)
    encoding.writeVarUint8Array(encoder, new Uint8Array([0]))
  })
  if (target.kind !== 'hocuspocus') return [step1]
  const auth = frame(target, (encoder) => {
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH)
    encoding.writeVarUint(encoder, HOCUSPOCUS_TOKEN)
    encoding.writeVarString(encoder, token)
  })
  return [auth, step1]
}

/** A sync frame carrying one update, as a client sends it. */
export function updateFrame(target: Target, update: Uint8Array): Uint8Array {
  return frame(target, (encoder) => {
    encoding.writeVarUint(encoder, SYNC)
    encoding.writeVarUint(encoder, UPDATE)
    encoding.writeVarUint8Array(encoder, update)
  })
}

/** Reads an unsigned varint; multiplication, not shifts, because client ids use all 32 bits. */
function readVarUint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0
  let scale = 1
  let position = at
  for (;;) {
    const byte = bytes[position++] ?? 0
    value += (byte & 0x7f) * scale
    if (byte < 0x80 || position >= bytes.length) return [value, position]
    scale *= 128
  }
}

/** Classifies a frame without decoding anything but its header. */
export function readFrame(kind: ServerKind, bytes: Uint8Array): FrameMeaning {
  let at = 0
  if (kind === 'hocuspocus') {
    const [nameLength, afterLength] = readVarUint(bytes, 0)
    at = afterLength + nameLength
  }
  if (bytes[at] !== SYNC) return { kind: 'other' }
  const step = bytes[at + 1]
  if (step === STEP2) return { kind: 'synced' }
  if (step !== UPDATE) return { kind: 'other' }
  const [length, updateStart] = readVarUint(bytes, at + 2)
  return { kind: 'update', update: bytes.subarray(updateStart, updateStart + length) }
}
