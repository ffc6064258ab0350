import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import type { ParagraphStatusView } from '../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import { updateStatusBadges } from './StatusBadges.js'

/** Keeps the statuses the editor shows (and the agreed paragraphs it keeps from local edits) as the server last said. */
export function useStatusBadges(editor: Editor | null, statuses: ReadonlyMap<string, ParagraphStatusView>): void {
  useEffect(() => {
    if (editor) updateStatusBadges(editor, new Map([...statuses].map(([clauseId, view]) => [clauseId, view.status])))
  }, [editor, statuses])
}
