import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import type { HashedDeclarationText } from './readDeclarationText.js'

/** What the server tells the text reader thread: the copies to keep, and the texts to read. */
export type TextReaderRequest =
  | { type: 'load'; name: string; updates: Uint8Array[] }
  | { type: 'update'; name: string; update: Uint8Array }
  | { type: 'unload'; name: string }
  | { type: 'read'; id: number; name: string; negotiation: NegotiationSnapshot }

/** The reader thread's answer to a read. */
export type TextReaderAnswer = { id: number; text: HashedDeclarationText } | { id: number; error: string }
