import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useState } from 'react'
import type { Anchor } from '../../../shared/comments/commentSchemas.js'
import { selectionTarget, type SelectionTarget } from './anchorPositions.js'

/** A paragraph a form can be placed on as a whole. */
export interface ClauseOption {
  clauseId: string | null
  label: string
  text: string
}

/** Where a new thread or bracket goes: a paragraph, and the selected words within it if any. */
export interface TargetPlace {
  clauseId: string
  anchor?: Anchor
}

/** What the target select offers: the selection (`'selection'`) or a paragraph's id, and the place that choice stands for. */
export function useTargetChoice(editor: Editor): { target: SelectionTarget | null; choice: string; setChoice: (choice: string) => void; place: TargetPlace | null } {
  const target = useEditorState({ editor, selector: ({ editor: current }) => selectionTarget(current), equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  const [choice, setChoice] = useState('selection')
  const place = choice === 'selection' ? target && { clauseId: target.clauseId, ...(target.anchor ? { anchor: target.anchor } : {}) } : { clauseId: choice }
  return { target, choice, setChoice, place }
}

interface TargetSelectProps {
  id: string
  label: string
  choice: string
  target: SelectionTarget | null
  clauses: ClauseOption[]
  onChange: (choice: string) => void
  /** The option's words for selected text, for the paragraph at the cursor, and for no selection. */
  selected: (label: string, quote: string) => string
  atCursor: (label: string) => string
  none: string
  /** The option's words for a whole paragraph. */
  paragraph: (label: string, text: string) => string
}

/** Chooses the selected words (or the paragraph at the cursor), or a whole paragraph from a list (keyboard and read-only users). */
export function TargetSelect({ id, label, choice, target, clauses, onChange, selected, atCursor, none, paragraph }: TargetSelectProps) {
  const selectionLabel = target ? (target.anchor ? selected(target.label, target.quote.slice(0, 60)) : atCursor(target.label)) : none
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={choice} onChange={(event) => onChange(event.target.value)}>
        {/* The words quoted are the text's own, so the option reads in their direction. */}
        <option value="selection" dir={target ? 'auto' : undefined}>
          {selectionLabel}
        </option>
        {clauses
          .filter((clause) => clause.clauseId)
          .map((clause) => (
            <option key={clause.clauseId} value={clause.clauseId!} dir="auto">
              {paragraph(clause.label, clause.text.slice(0, 50))}
            </option>
          ))}
      </select>
    </>
  )
}
