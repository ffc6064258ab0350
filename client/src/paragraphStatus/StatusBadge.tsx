import { statusLabel } from '../../../shared/paragraphStatus/statusLabels.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import './paragraphStatus.css'

/** A paragraph's status as a symbol and a word ("✓ Agreed"), so colour is never the only cue; `hideOpen` shows nothing while open. */
export function StatusBadge({ status, hideOpen = false }: { status: ParagraphStatus; hideOpen?: boolean }) {
  if (hideOpen && status === 'open') return null
  return (
    <span className="status-badge" data-status={status}>
      <span aria-hidden="true">{statusLabel[status].symbol}</span> {statusLabel[status].word}
    </span>
  )
}
