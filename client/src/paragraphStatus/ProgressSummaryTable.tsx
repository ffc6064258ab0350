import { useTranslation } from 'react-i18next'
import type { ProgressSummary } from '../../../shared/paragraphStatus/progressSummary.js'
import { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import { statusBadgeText } from './statusWords.js'

/** How far the text is from agreement: paragraphs per kind and status, pending amendments, and brackets where counted. */
export function ProgressSummaryTable({ summary, caption }: { summary: ProgressSummary; caption: string }) {
  const { t } = useTranslation()
  const kinds = [
    { kind: 'preambular', name: t('paragraphStatus.summary.preambular') },
    { kind: 'operative', name: t('paragraphStatus.summary.operative') },
  ] as const
  return (
    <div className="progress-summary">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('paragraphStatus.summary.paragraphs')}</th>
            {ParagraphStatus.options.map((status) => (
              <th key={status} scope="col">
                {statusBadgeText(t, status)}
              </th>
            ))}
            <th scope="col">{t('paragraphStatus.summary.total')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(({ kind, name }) => {
            const counts = summary.kinds[kind]
            return (
              <tr key={kind}>
                <th scope="row">{name}</th>
                {ParagraphStatus.options.map((status) => (
                  <td key={status}>{counts[status]}</td>
                ))}
                <td>{counts.open + counts['ad-referendum'] + counts.agreed}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>{summary.pendingAmendments === null ? t('paragraphStatus.summary.pendingNotRecorded') : t('paragraphStatus.summary.pending', { pending: summary.pendingAmendments })}</p>
      {summary.brackets && <p>{t('paragraphStatus.summary.brackets', { brackets: summary.brackets.count, count: summary.brackets.paragraphs })}</p>}
    </div>
  )
}
