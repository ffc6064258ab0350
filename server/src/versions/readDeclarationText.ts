import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { canonicalText, serializeCanonical } from '../../../shared/versions/canonicalText.js'
import { findInvisibleCharacters, type InvisibleCharacter } from '../../../shared/versions/invisibleCharacters.js'

/** A declaration's text as frozen and hashed: its canonical serialization, and the invisible characters in it. */
export interface DeclarationText {
  serialized: string
  invisible: InvisibleCharacter[]
}

/** Reads a document's canonical text; on a copy, since the binding deletes what the schema does not allow. */
export function readDeclarationText(doc: Y.Doc): DeclarationText {
  const text = canonicalText(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema))
  return { serialized: serializeCanonical(text), invisible: findInvisibleCharacters(text) }
}
