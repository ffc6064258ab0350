import type { ProgressSummary } from '../../../shared/paragraphStatus/progressSummary.js'
import { statusBadgeText } from '../../../shared/paragraphStatus/statusLabels.js'
import { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'

const kinds = [
  { kind: 'preambular', name: 'Preambular (PP)' },
  { kind: 'operative', name: 'Operative (OP)' },
] as const

/** How far the text is from agreement: paragraphs per kind and status, pending amendments, and brackets where counted. */
export function ProgressSummaryTable({ summary, caption }: { summary: ProgressSummary; caption: string }) {
  return (
    <div className="progress-summary">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Paragraphs</th>
            {ParagraphStatus.options.map((status) => (
              <th key={status} scope="col">
                {statusBadgeText(status)}
              </th>
            ))}
            <th scope="col">Total</th>
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
      <p>Pending amendments: {summary.pendingAmendments ?? 'not recorded'}</p>
      {summary.brackets && (
        <p>
          Square brackets: {summary.brackets.count} in {summary.brackets.paragraphs} paragraphs
        </p>
      )}
    </div>
  )
}
