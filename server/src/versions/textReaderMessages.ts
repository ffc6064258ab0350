import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import type { HashedDeclarationText } from './readDeclarationText.js'
import type { VersionTexts } from './versionIntact.js'

/** What the server tells the text reader thread: the copies to keep, the texts to read, and the versions to check. */
export type TextReaderRequest =
  | { type: 'load'; name: string; updates: Uint8Array[] }
  | { type: 'update'; name: string; update: Uint8Array }
  | { type: 'unload'; name: string }
  | { type: 'read'; id: number; name: string; negotiation: NegotiationSnapshot }
  | { type: 'check'; id: number; version: VersionTexts }

/** The reader thread's answer to a read or a check. */
export type TextReaderAnswer = { id: number; text: HashedDeclarationText } | { id: number; intact: boolean } | { id: number; error: string }
