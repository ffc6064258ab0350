import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { bracketCount, bracketsProgress } from '../../../shared/brackets/frozenBrackets.js'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { amendedParagraph } from '../../../shared/paragraphStatus/amendmentParagraph.js'
import { summarizeProgress } from '../../../shared/paragraphStatus/progressSummary.js'
import { statusSymbol } from '../../../shared/paragraphStatus/statusLabels.js'
import { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import { can, type Role } from '../../../shared/roles.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import { ProgressSummaryTable } from './ProgressSummaryTable.js'
import { StatusBadge } from './StatusBadge.js'
import { statusSetSentence, statusWord } from './statusWords.js'
import { useLiveParagraphs, type LiveParagraph } from './useLiveParagraphs.js'
import type { ParagraphStatuses } from './useParagraphStatuses.js'
import './paragraphStatus.css'

interface StatusPanelProps {
  doc: Y.Doc
  statuses: ParagraphStatuses
  amendments: AmendmentView[]
  /** The open and resolved brackets and alternatives of the live text. */
  brackets: readonly BracketItem[]
  role: Role
}

const isPending = (amendment: AmendmentView) => amendment.status === 'pending' || amendment.status === 'needs-update'

/** The progress summary, and each paragraph's status with, for moderators, the buttons that set it. */
export function StatusPanel({ doc, statuses, amendments, brackets, role }: StatusPanelProps) {
  const paragraphs = useLiveParagraphs(doc)
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null)
  const { ask, dialog } = useConfirm()
  const { t } = useTranslation()
  const statusOf = (clauseId: string | null) => (clauseId && statuses.statuses.get(clauseId)?.status) || 'open'
  const pending = amendments.filter(isPending)
  const liveIds = new Set(paragraphs.flatMap((paragraph) => (paragraph.clauseId ? [paragraph.clauseId] : [])))
  const summary = summarizeProgress(paragraphs, (clauseId) => statuses.statuses.get(clauseId)?.status, pending.length, bracketsProgress(bracketCount(brackets, liveIds)))
  const manages = can(role, 'status.set')

  const apply = (paragraph: LiveParagraph, status: ParagraphStatus, notTakenUp: boolean) => {
    if (!paragraph.clauseId) return
    setMessage(null)
    statuses.setStatus(paragraph.clauseId, status, notTakenUp).then(
      () => setMessage({ text: statusSetSentence(t, status, paragraph.label), isError: false }),
      (failure: unknown) => setMessage({ text: failure instanceof Error ? failure.message : String(failure), isError: true }),
    )
  }

  const choose = (paragraph: LiveParagraph, status: ParagraphStatus) => {
    const open = pending.filter((amendment) => amendedParagraph(amendment.change) === paragraph.clauseId)
    if (status !== 'agreed' || open.length === 0) {
      apply(paragraph, status, false)
      return
    }
    const labels = open.map((amendment) => amendment.label).join(', ')
    ask({
      title: t('paragraphStatus.confirmTitle', { label: paragraph.label }),
      message: <p>{t('paragraphStatus.confirmMessage', { label: paragraph.label, amendments: labels })}</p>,
      confirmLabel: t('paragraphStatus.confirmLabel'),
      onConfirm: () => apply(paragraph, 'agreed', true),
    })
  }

  return (
    <section className="status-panel" aria-labelledby="status-panel-heading">
      <h2 id="status-panel-heading">{t('paragraphStatus.heading')}</h2>
      <ProgressSummaryTable summary={summary} caption={t('paragraphStatus.caption')} />
      <p role="status" className={message?.isError ? 'error' : undefined}>
        {message?.text}
      </p>
      {statuses.error && <p role="alert">{statuses.error}</p>}
      <ul className="status-panel__paragraphs" aria-label={t('paragraphStatus.list')}>
        {paragraphs.map((paragraph) => {
          const current = statusOf(paragraph.clauseId)
          return (
            <li key={paragraph.clauseId ?? paragraph.label} data-status={current}>
              <span className="status-panel__label">{paragraph.label}</span>{' '}
              {manages && paragraph.clauseId ? (
                <span role="group" aria-label={t('paragraphStatus.statusOf', { label: paragraph.label })} className="status-panel__choices">
                  {ParagraphStatus.options.map((status) => (
                    <button key={status} type="button" aria-pressed={status === current} onClick={() => choose(paragraph, status)}>
                      <span aria-hidden="true">{statusSymbol[status]}</span> {statusWord(t, status)}
                    </button>
                  ))}
                </span>
              ) : (
                <StatusBadge status={current} />
              )}
              <span className="status-panel__text" dir="auto">
                {paragraph.text.slice(0, 80)}
              </span>
            </li>
          )
        })}
      </ul>
      {dialog}
    </section>
  )
}
