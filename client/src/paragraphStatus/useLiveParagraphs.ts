import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'
import type { ClauseKind } from '../../../shared/editor/clauseKind.js'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'

/** A paragraph of the live text. */
export interface LiveParagraph {
  clauseId: string | null
  label: string
  kind: ClauseKind
  text: string
}

/** The live text's paragraphs, read again whenever it changes. */
export function useLiveParagraphs(doc: Y.Doc): LiveParagraph[] {
  const read = useCallback(
    () =>
      labelClauses(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema)).map((clause) => ({
        clauseId: clause.id,
        label: clause.label,
        kind: clause.kind,
        text: clause.node.textContent,
      })),
    [doc],
  )
  const [paragraphs, setParagraphs] = useState(read)
  useEffect(() => {
    const handleUpdate = () => setParagraphs(read())
    doc.on('update', handleUpdate)
    handleUpdate()
    return () => doc.off('update', handleUpdate)
  }, [doc, read])
  return paragraphs
}
