import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import { can, type Role } from '../../../shared/roles.js'
import { countdownWords } from '../../../shared/silence/countdown.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { BreakSilenceForm } from './BreakSilenceForm.js'
import { deadlineWords } from './deadlineWords.js'
import { useMinuteClock } from './useMinuteClock.js'
import './silence.css'

/** Where a silence stands in one sentence, the one screen readers hear when it changes. */
function stateSentence(silence: SilenceView, t: TFunction): string {
  const version = `“${silence.version.name}”`
  const breakers = silence.breaks.map((entry) => entry.delegation.name).join(', ')
  switch (silence.state) {
    case 'adopted':
      return `${version} was adopted by silence procedure at its deadline: no delegation broke silence.`
    case 'broken':
      return `Silence on ${version} was broken by ${breakers}; it was not adopted.`
    case 'withdrawn':
      return t('negotiationState.silenceWithdrawn.sentence', { version: silence.version.name })
    case 'running':
      return silence.breaks.length > 0 ? `${version} is under silence procedure; silence has been broken by ${breakers}.` : `${version} is under silence procedure; no delegation has broken silence.`
  }
}

interface SilenceBannerProps {
  silence: SilenceView | null | undefined
  declaration: string
  /** With these, a signatory can break silence from this banner. */
  signer?: { identity: Identity; role: Role }
}

/** The silence procedure on every page of the declaration: the deadline with its zone, a countdown to the minute, the breaks, and for signatories the way to break it. */
export function SilenceBanner({ silence, declaration, signer }: SilenceBannerProps) {
  const now = useMinuteClock()
  const { t } = useTranslation()
  const [breaking, setBreaking] = useState(false)
  if (!silence) return null
  const running = silence.state === 'running'
  const mayBreak = running && signer && can(signer.role, 'silence.break') && !silence.breaks.some((entry) => entry.delegation.code === signer.identity.delegation.code)
  return (
    <section className={`silence-banner silence-${silence.state}`} aria-label="Silence procedure">
      <p role="status">
        <strong>{running ? 'Silence procedure' : silence.state === 'adopted' ? '✓ Adopted by silence' : silence.state === 'withdrawn' ? t('negotiationState.silenceWithdrawn.heading') : '✗ Silence broken'}:</strong> {stateSentence(silence, t)}
      </p>
      <p>
        Deadline: <time dateTime={silence.deadline}>{deadlineWords(silence)}</time>.{' '}
        {running && <span role="timer">{countdownWords(Date.parse(silence.deadline), now)}</span>}
        {silence.decidedAt && <>Decided by the server at {formatDateTime(silence.decidedAt)}.</>}
      </p>
      {silence.breaks.length > 0 && (
        <ul className="silence-breaks" aria-label="Breaks of silence">
          {silence.breaks.map((entry) => (
            <li key={entry.id}>
              <strong>{entry.delegation.name}</strong> broke silence on {entry.paragraphs.map((paragraph) => paragraph.label).join(', ')} ({entry.signer}, {formatDateTime(entry.brokenAt)}, key <code>{entry.fingerprint}</code>):{' '}
              <q dir="auto">{entry.statement}</q>
            </li>
          ))}
        </ul>
      )}
      {mayBreak && signer && (
        <>
          <button type="button" aria-expanded={breaking} onClick={() => setBreaking((open) => !open)}>
            Break silence for {signer.identity.delegation.name}…
          </button>
          {breaking && <BreakSilenceForm declaration={declaration} silence={silence} identity={signer.identity} onDone={() => setBreaking(false)} />}
        </>
      )}
    </section>
  )
}
