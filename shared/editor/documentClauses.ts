import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { readLabelRecords } from '../negotiation/labelRecords.js'
import { labelClauses, type LabelledClause } from './clauseLabels.js'
import { DECLARATION_FRAGMENT, declarationSchema } from './declarationExtensions.js'

/** The clauses of a shared document, labelled from the round's records it holds. */
export function documentClauses(doc: Y.Doc): LabelledClause[] {
  return labelClauses(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema), readLabelRecords(doc))
}
