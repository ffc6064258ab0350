import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { DEFAULT_SILENCE_HOURS, SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { wallClockIn, type WallClock } from '../../../shared/silence/zonedTime.js'
import { callApi } from '../api/apiClient.js'

const ownZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
const defaultDeadline = (timeZone: string) => wallClockIn(Date.now() + DEFAULT_SILENCE_HOURS * 3_600_000, timeZone)

/** Every time zone the browser knows, the reader's own and UTC among them. */
function timeZones(): string[] {
  return [...new Set([ownZone(), 'UTC', ...Intl.supportedValuesOf('timeZone')])].sort()
}

/** For moderators: places the locked version under silence until a deadline (72 hours from now unless changed), in a chosen time zone. */
export function OpenSilenceForm({ declaration, version }: { declaration: string; version: { id: string; name: string } }) {
  const zones = useMemo(() => timeZones(), [])
  const [timeZone, setTimeZone] = useState(ownZone)
  const [deadline, setDeadline] = useState(() => defaultDeadline(ownZone()))
  const [edited, setEdited] = useState(false)
  const [status, setStatus] = useState<{ text: ReactNode; isError: boolean } | null>(null)
  const id = useId()
  const { t } = useTranslation()
  // The version's name is what the moderator wrote, so it reads in its own direction.
  const named = { version: <bdi dir="auto">{version.name}</bdi> }

  const handleDeadline = (next: WallClock) => {
    setEdited(true)
    setDeadline(next)
  }

  // Until the moderator sets a time, a new zone keeps the default 72 hours rather than the same clock reading.
  const handleZone = (zone: string) => {
    setTimeZone(zone)
    if (!edited) setDeadline(defaultDeadline(zone))
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setStatus({ text: t('silence.openForm.opening'), isError: false })
    callApi(`/declarations/${declaration}/silence`, SilenceView, { method: 'POST', body: { versionId: version.id, deadline: { ...deadline, timeZone } } }).then(
      () => setStatus({ text: <Trans t={t} i18nKey="silence.openForm.opened" components={named} />, isError: false }),
      (failure: unknown) => setStatus({ text: failure instanceof Error ? failure.message : String(failure), isError: true }),
    )
  }

  return (
    <form className="stacked-form open-silence-form" onSubmit={handleSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <Trans t={t} i18nKey="silence.openForm.heading" components={named} />
      </h2>
      <p>{t('silence.openForm.intro')}</p>
      <label htmlFor={`${id}-date`}>{t('silence.openForm.date')}</label>
      <input id={`${id}-date`} type="date" required value={deadline.date} onChange={(event) => handleDeadline({ ...deadline, date: event.target.value })} />
      <label htmlFor={`${id}-time`}>{t('silence.openForm.time')}</label>
      <input id={`${id}-time`} type="time" required value={deadline.time} onChange={(event) => handleDeadline({ ...deadline, time: event.target.value })} />
      <label htmlFor={`${id}-zone`}>{t('silence.openForm.zone')}</label>
      <select id={`${id}-zone`} value={timeZone} onChange={(event) => handleZone(event.target.value)}>
        {zones.map((zone) => (
          // A zone's name is an identifier in Latin letters, the same in every language.
          <option key={zone} value={zone} dir="ltr">
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <button type="submit">{t('silence.openForm.submit')}</button>
      <p role="status" className={status?.isError ? 'error' : undefined}>
        {status?.text}
      </p>
    </form>
  )
}
