import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { declarationProblems } from '../../../shared/editor/repairDeclaration.js'
import { readLabelRecords } from '../../../shared/negotiation/labelRecords.js'
import { emptyNegotiation, withNegotiation } from '../../../shared/versions/canonicalNegotiation.js'
import { canonicalText, serializeCanonical } from '../../../shared/versions/canonicalText.js'
import { findInvisibleCharacters, type InvisibleCharacter } from '../../../shared/versions/invisibleCharacters.js'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'

/** A declaration's text as frozen and hashed: its canonical serialization, and the invisible characters in it. */
export interface DeclarationText {
  serialized: string
  invisible: InvisibleCharacter[]
  /** What breaks the editor schema; when anything does, no canonical text is built and `serialized` is empty. */
  schemaProblems: string[]
}

/**
 * Reads a document's text in canonical form 2 (with the round's labels and the negotiation state given), only if it
 * passes the schema check; on a copy, since the binding deletes what the schema does not allow.
 */
export function readDeclarationText(doc: Y.Doc, negotiation: NegotiationSnapshot = emptyNegotiation()): DeclarationText {
  const schemaProblems = declarationProblems(doc)
  if (schemaProblems.length > 0) return { serialized: '', invisible: [], schemaProblems }
  const text = canonicalText(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema), readLabelRecords(doc))
  return { serialized: serializeCanonical(withNegotiation(text, negotiation)), invisible: findInvisibleCharacters(text), schemaProblems }
}
