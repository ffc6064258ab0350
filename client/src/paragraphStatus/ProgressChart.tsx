import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { VersionProgress, type StatusCounts } from '../../../shared/paragraphStatus/progressSummary.js'
import { statusSymbol } from '../../../shared/paragraphStatus/statusLabels.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import { useLatestRequest } from '../api/latestRequest.js'
import { callApi } from '../api/apiClient.js'
import { statusBadgeText } from './statusWords.js'
import './paragraphStatus.css'

const ProgressAnswer = z.object({ versions: z.array(VersionProgress) })

/** Bar segments in reading order; fills differ in lightness and in pattern, and each carries its symbol and count. */
const segments: { status: ParagraphStatus; fill: string; text: string }[] = [
  { status: 'agreed', fill: '#1d6b2f', text: '#ffffff' },
  { status: 'ad-referendum', fill: 'url(#progress-hatch)', text: '#1a1a1a' },
  { status: 'open', fill: '#ffffff', text: '#1a1a1a' },
]

const ROW = 30
const LABEL = 130
const BARS = 430

const both = (summary: VersionProgress['summary']): StatusCounts => ({
  open: summary.kinds.preambular.open + summary.kinds.operative.open,
  'ad-referendum': summary.kinds.preambular['ad-referendum'] + summary.kinds.operative['ad-referendum'],
  agreed: summary.kinds.preambular.agreed + summary.kinds.operative.agreed,
})

/** How the text moved towards agreement from round to round: a bar per frozen version, and the same figures as a table. */
export function ProgressChart({ declaration, refresh }: { declaration: string; refresh: unknown }) {
  const [versions, setVersions] = useState<VersionProgress[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()
  const request = useLatestRequest<z.infer<typeof ProgressAnswer>>()
  useEffect(() => {
    request.track(callApi(`/declarations/${declaration}/progress`, ProgressAnswer)).then(
      (answer) => setVersions(answer.versions),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [declaration, refresh, request])
  if (error) return <p role="alert">{error}</p>
  if (!versions || versions.length === 0) return null
  const totals = versions.map((version) => both(version.summary))
  const most = Math.max(1, ...totals.map((counts) => counts.open + counts['ad-referendum'] + counts.agreed))
  const scale = BARS / most
  return (
    <section className="progress-chart" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('paragraphStatus.chart.heading')}</h2>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} viewBox={`0 0 ${LABEL + BARS + 10} ${versions.length * ROW + 10}`} width={LABEL + BARS + 10}>
        <title id={`${id}-title`}>{t('paragraphStatus.chart.title')}</title>
        <defs>
          <pattern id="progress-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f0d98c" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6b4e00" strokeWidth="2" />
          </pattern>
        </defs>
        {versions.map((version, row) => {
          let x = LABEL
          const y = row * ROW + 5
          return (
            <g key={version.id}>
              <text x={0} y={y + 18} fontSize="13">
                {version.name}
              </text>
              {segments.map(({ status, fill, text }) => {
                const count = totals[row]![status]
                const width = count * scale
                const at = x
                x += width
                if (count === 0) return null
                return (
                  <g key={status}>
                    <rect x={at} y={y} width={width} height={ROW - 8} fill={fill} stroke="#1a1a1a" />
                    {width > 34 && (
                      <text x={at + 4} y={y + 16} fontSize="12" fill={text}>
                        {statusSymbol[status]} {count}
                      </text>
                    )}
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      <table id={`${id}-table`}>
        <caption>{t('paragraphStatus.chart.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('paragraphStatus.chart.version')}</th>
            {segments.map(({ status }) => (
              <th key={status} scope="col">
                {statusBadgeText(t, status)}
              </th>
            ))}
            <th scope="col">{t('paragraphStatus.chart.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version, row) => (
            <tr key={version.id}>
              <th scope="row" dir="auto">
                {version.name}
              </th>
              {segments.map(({ status }) => (
                <td key={status}>{totals[row]![status]}</td>
              ))}
              <td>{version.summary.pendingAmendments ?? t('paragraphStatus.chart.notRecorded')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
