import { useTranslation } from 'react-i18next'
import { statusSymbol } from '../../../shared/paragraphStatus/statusLabels.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import { statusWord } from './statusWords.js'
import './paragraphStatus.css'

/** A paragraph's status as a symbol and a word ("✓ Agreed"), so colour is never the only cue; `hideOpen` shows nothing while open. */
export function StatusBadge({ status, hideOpen = false }: { status: ParagraphStatus; hideOpen?: boolean }) {
  const { t } = useTranslation()
  if (hideOpen && status === 'open') return null
  return (
    <span className="status-badge" data-status={status}>
      <span aria-hidden="true">{statusSymbol[status]}</span> {statusWord(t, status)}
    </span>
  )
}
