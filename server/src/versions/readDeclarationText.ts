import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { declarationProblems } from '../../../shared/editor/repairDeclaration.js'
import { statusesForSnapshot } from '../../../shared/paragraphStatus/frozenStatuses.js'
import { readLabelRecords, roundBase, type RoundBase } from '../../../shared/negotiation/labelRecords.js'
import { emptyNegotiation, withNegotiation } from '../../../shared/versions/canonicalNegotiation.js'
import { canonicalText, serializeCanonical, sha256Hex, type CanonicalText } from '../../../shared/versions/canonicalText.js'
import { findInvisibleCharacters, type InvisibleCharacter } from '../../../shared/versions/invisibleCharacters.js'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import { frozenLabels } from '../negotiation/roundLabelWrites.js'

/** A declaration's text as frozen and hashed: its canonical serialization, and the invisible characters in it. */
export interface DeclarationText {
  serialized: string
  invisible: InvisibleCharacter[]
  /** What breaks the editor schema; when anything does, no canonical text is built and `serialized` is empty. */
  schemaProblems: string[]
  /**
   * The labels a round beginning at this text starts with, read from the text itself so no one parses it again; null
   * once the round has begun, so later freezes send no copy of 2,000 labels back to the sync loop.
   */
  roundBase: RoundBase | null
}

/** A declaration's text with the SHA-256 of its serialization. */
export interface HashedDeclarationText extends DeclarationText {
  sha256: string
  /** The serialization as a version file holds it (a JSON string, UTF-8), so the sync loop never escapes and encodes it. */
  storedText: Uint8Array<ArrayBuffer>
}

/** One status for every paragraph of the text: its stored one, or open; stored ones of paragraphs gone are left out. */
function statusesOfText(text: CanonicalText, stored: NegotiationSnapshot['statuses']): NegotiationSnapshot['statuses'] {
  const ids = text.blocks.flatMap((block) => (block.type === 'clause' && block.id !== null ? [block.id] : []))
  return statusesForSnapshot(new Map(stored.map((entry) => [entry.clauseId, entry])), ids)
}

/**
 * Reads a document's text in canonical form 2 (with the round's labels and the negotiation state given), only if it
 * passes the schema check; on a copy, since the binding deletes what the schema does not allow.
 */
export function readDeclarationText(doc: Y.Doc, negotiation: NegotiationSnapshot = emptyNegotiation()): DeclarationText {
  const schemaProblems = declarationProblems(doc)
  if (schemaProblems.length > 0) return { serialized: '', invisible: [], schemaProblems, roundBase: null }
  const labels = readLabelRecords(doc)
  const text = canonicalText(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema), labels)
  return {
    serialized: serializeCanonical(withNegotiation(text, { ...negotiation, statuses: statusesOfText(text, negotiation.statuses) })),
    invisible: findInvisibleCharacters(text),
    schemaProblems,
    roundBase: labels.size > 0 ? null : roundBase(frozenLabels(text)),
  }
}

/**
 * Reads the text as `readDeclarationText` does and hashes it where it was read (on the reader thread), so the sync
 * loop never encodes and hashes a megabyte. The text is read before the first await: a later update cannot reach it.
 */
export async function readHashedDeclarationText(doc: Y.Doc, negotiation: NegotiationSnapshot = emptyNegotiation()): Promise<HashedDeclarationText> {
  const text = readDeclarationText(doc, negotiation)
  return { ...text, sha256: await sha256Hex(text.serialized), storedText: new TextEncoder().encode(JSON.stringify(text.serialized)) }
}
