import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ParagraphStatusView } from '../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import { updateStatusBadges } from './StatusBadges.js'
import { statusWord } from './statusWords.js'

/** Keeps the statuses the editor shows (and the agreed paragraphs it keeps from local edits) as the server last said, in the interface language. */
export function useStatusBadges(editor: Editor | null, statuses: ReadonlyMap<string, ParagraphStatusView>): void {
  const { t } = useTranslation()
  useEffect(() => {
    if (editor) updateStatusBadges(editor, new Map([...statuses].map(([clauseId, view]) => [clauseId, view.status])), (status) => statusWord(t, status))
  }, [editor, statuses, t])
}
