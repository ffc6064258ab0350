import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { declarationProblems } from '../../../shared/editor/repairDeclaration.js'
import { canonicalText, serializeCanonical } from '../../../shared/versions/canonicalText.js'
import { findInvisibleCharacters, type InvisibleCharacter } from '../../../shared/versions/invisibleCharacters.js'

/** A declaration's text as frozen and hashed: its canonical serialization, and the invisible characters in it. */
export interface DeclarationText {
  serialized: string
  invisible: InvisibleCharacter[]
  /** What breaks the editor schema; when anything does, no canonical text is built and `serialized` is empty. */
  schemaProblems: string[]
}

/** Reads a document's canonical text, only if it passes the schema check; on a copy, since the binding deletes what the schema does not allow. */
export function readDeclarationText(doc: Y.Doc): DeclarationText {
  const schemaProblems = declarationProblems(doc)
  if (schemaProblems.length > 0) return { serialized: '', invisible: [], schemaProblems }
  const text = canonicalText(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema))
  return { serialized: serializeCanonical(text), invisible: findInvisibleCharacters(text), schemaProblems }
}
