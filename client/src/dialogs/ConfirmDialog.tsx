import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './modalDialog.css'
import './confirmDialog.css'

/** What a confirmation asks: a question, what will happen, the button that does it, and the action itself. */
export interface ConfirmRequest {
  title: string
  message: ReactNode
  confirmLabel: string
  onConfirm: () => void
}

/** Asks before a destructive action: `ask` opens the dialog, and `dialog` is rendered where the screen keeps it. */
export function useConfirm(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null)
  const handleDone = useCallback(() => setRequest(null), [])
  return { ask: setRequest, dialog: request && <ConfirmDialog request={request} onDone={handleDone} /> }
}

/** A native modal dialog: focus moves to Cancel, Escape cancels, and focus returns to whatever opened it. */
function ConfirmDialog({ request, onDone }: { request: ConfirmRequest; onDone: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const id = useId()
  const { t } = useTranslation()

  useEffect(() => {
    const dialog = ref.current
    // Effects may run twice for one opening; the second must not take the dialog's own button for the opener.
    if (!dialog || dialog.open) return
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.returnValue = ''
    dialog.showModal()
  }, [request])

  const handleClose = () => {
    const confirmed = ref.current?.returnValue === 'confirm'
    onDone()
    opener.current?.focus()
    if (confirmed) request.onConfirm()
  }

  return (
    <dialog ref={ref} role="alertdialog" className="modal-dialog confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-message`} onClose={handleClose}>
      <form method="dialog">
        <h2 id={`${id}-title`} dir="auto">
          {request.title}
        </h2>
        <div id={`${id}-message`} dir="auto">
          {request.message}
        </div>
        <div className="modal-dialog__buttons">
          <button type="submit" value="cancel">
            {t('dialog.cancel')}
          </button>
          <button type="submit" value="confirm" className="confirm-dialog__confirm">
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
