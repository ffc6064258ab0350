import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useId, useRef, useState } from 'react'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import type { AmendmentView, ChangeInput } from '../../../shared/negotiation/amendmentSchemas.js'
import { ParagraphProposalForm } from './ParagraphProposalForm.js'
import { useChangeWords } from './useChangeWords.js'
import '../dialogs/modalDialog.css'
import './paragraphProposal.css'

interface ParagraphProposalProps {
  editor: Editor
  onPropose: (change: ChangeInput, justification: string) => Promise<AmendmentView>
}

/** "Propose for OP3…", named for the paragraph at the caret (or "Propose…"): a dialog to propose a new paragraph after it, its deletion or its move. */
export function ParagraphProposal({ editor, onPropose }: ParagraphProposalProps) {
  const clauses = useEditorState({ editor, selector: ({ editor: current }) => labelledClausesOf(current.state).flatMap(({ id, label, kind }) => (id ? [{ id, label, kind }] : [])) })
  const caretId = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { $from } = current.state.selection
      const node = $from.depth >= 1 ? $from.node(1) : null
      return node?.type.name === 'clause' && typeof node.attrs.id === 'string' ? node.attrs.id : null
    },
  })
  const caret = clauses.find((clause) => clause.id === caretId)
  const [initial, setInitial] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const say = useChangeWords()
  const { t } = say

  useEffect(() => {
    const dialog = dialogRef.current
    if (initial !== null && dialog && !dialog.open) dialog.showModal()
  }, [initial])

  const handleOpen = () => {
    setMessage('')
    setInitial(caret?.id ?? clauses[0]?.id ?? '')
  }

  const handleClose = () => {
    setInitial(null)
    buttonRef.current?.focus()
  }

  const handleSubmit = async (change: ChangeInput, justification: string) => {
    const amendment = await onPropose(change, justification)
    const labelOf = (clauseId: string) => say.labelOr(clauses.find((clause) => clause.id === clauseId)?.label)
    setMessage(t('amendments.proposal.submitted', { label: amendment.label, change: say.change(amendment.change, labelOf) }))
    dialogRef.current?.close()
  }

  return (
    <>
      <button ref={buttonRef} type="button" aria-haspopup="dialog" disabled={clauses.length === 0} onClick={handleOpen}>
        {caret ? t('amendments.proposal.openFor', { label: caret.label }) : t('amendments.proposal.open')}
      </button>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {initial !== null && (
        <dialog ref={dialogRef} className="modal-dialog proposal-dialog" aria-labelledby={titleId} onClose={handleClose}>
          <ParagraphProposalForm clauses={clauses} initial={initial} titleId={titleId} onSubmit={handleSubmit} onCancel={() => dialogRef.current?.close()} />
        </dialog>
      )}
    </>
  )
}
