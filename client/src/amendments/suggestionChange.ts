import type { Editor } from '@tiptap/core'
import { anchorBetween } from '../../../shared/comments/anchors.js'
import type { ChangeInput } from '../../../shared/negotiation/amendmentSchemas.js'
import { textIndexAt } from '../comments/anchorPositions.js'
import type { Suggestion } from './SuggestingMode.js'

/** The suggestion as the API takes it: its spans as Yjs relative positions with the words proposed and their marks; null if a place is gone. */
export function suggestionChange(editor: Editor, suggestion: Suggestion): ChangeInput | null {
  if (!suggestion.clauseId || suggestion.spans.length === 0) return null
  const spans = []
  for (const span of suggestion.spans) {
    const start = textIndexAt(editor, span.from)
    const end = textIndexAt(editor, span.to)
    if (!start || !end) return null
    spans.push({ ...anchorBetween(start, end), content: span.inserted.map((run) => ({ text: run.text.normalize('NFC'), marks: [...run.marks] })) })
  }
  return { kind: 'words', clauseId: suggestion.clauseId, spans }
}
