import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'

/** Chooses any two texts to compare: two versions, or a version and the live draft. */
export function CompareForm({ versions, onCompare }: { versions: VersionSummary[]; onCompare: (from: VersionSummary, to: VersionSummary | 'live') => void }) {
  const [from, setFrom] = useState(versions[0]?.id ?? '')
  const [to, setTo] = useState('live')
  const id = useId()
  const { t } = useTranslation()
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const older = versions.find((version) => version.id === from)
    const newer = to === 'live' ? 'live' : versions.find((version) => version.id === to)
    if (older && newer) onCompare(older, newer)
  }
  return (
    <form onSubmit={handleSubmit} className="compare-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('versions.compare.heading')}</h2>
      <label htmlFor={`${id}-from`}>{t('versions.compare.from')}</label>
      <select id={`${id}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
        {versions.map((version) => (
          <option key={version.id} value={version.id} dir="auto">
            {version.seq}. {version.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>{t('versions.compare.to')}</label>
      <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="live">{t('versions.compare.live')}</option>
        {versions.map((version) => (
          <option key={version.id} value={version.id} dir="auto">
            {version.seq}. {version.name}
          </option>
        ))}
      </select>
      <button type="submit">{t('versions.compare.show')}</button>
    </form>
  )
}
