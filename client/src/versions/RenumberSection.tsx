import { useId } from 'react'
import { RenumberAnswer } from '../../../shared/negotiation/renumberAnswer.js'
import { callApi } from '../api/apiClient.js'
import type { ConfirmRequest } from '../dialogs/ConfirmDialog.js'

/** What renumbering did, in one sentence for the status line. */
function renumbered({ changes }: RenumberAnswer): string {
  if (changes.length === 0) return 'The paragraphs were already numbered 1, 2, 3 …; no label changed.'
  return `Renumbered ${changes.length} ${changes.length === 1 ? 'paragraph' : 'paragraphs'}: ${changes.map((change) => `${change.from} → ${change.to}`).join(', ')}.`
}

/** The moderator's end-of-round renumbering: asks first, then reports every label that changed. */
export function RenumberSection({ base, ask, onDone, onFailed }: { base: string; ask: (request: ConfirmRequest) => void; onDone: (text: string) => void; onFailed: (failure: unknown) => void }) {
  const id = useId()
  const handleClick = () =>
    ask({
      title: 'Renumber every paragraph?',
      message: <p>Paragraphs are numbered 1, 2, 3 … again (OP7bis becomes OP8 and the ones after it move up). The next frozen version shows the old and new numbers in its redline.</p>,
      confirmLabel: 'Renumber',
      onConfirm: () => void callApi(`${base}/labels/renumber`, RenumberAnswer, { method: 'POST' }).then((answer) => onDone(renumbered(answer)), onFailed),
    })
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>End of the round</h2>
      <p>After the first frozen version a label never changes while the round lasts: new paragraphs are numbered OP7bis, OP7ter and so on.</p>
      <button type="button" onClick={handleClick}>
        Renumber paragraphs
      </button>
    </section>
  )
}
