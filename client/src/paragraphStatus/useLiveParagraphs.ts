import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { ClauseKind } from '../../../shared/editor/clauseKind.js'
import { documentClauses } from '../../../shared/editor/documentClauses.js'

/** A paragraph of the live text. */
export interface LiveParagraph {
  clauseId: string | null
  label: string
  kind: ClauseKind
  text: string
}

/** The live text's paragraphs with the round's labels, read again whenever it changes. */
export function useLiveParagraphs(doc: Y.Doc): LiveParagraph[] {
  const read = useCallback(
    () =>
      documentClauses(doc).map((clause) => ({
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
