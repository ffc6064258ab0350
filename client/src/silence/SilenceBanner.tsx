import type { TFunction } from 'i18next'
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import { can, type Role } from '../../../shared/roles.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { BreakSilenceForm } from './BreakSilenceForm.js'
import { countdownWords } from './countdownWords.js'
import { DeadlineTime } from './DeadlineTime.js'
import { useMinuteClock } from './useMinuteClock.js'
import './silence.css'

/** Where a silence stands in one sentence, the one screen readers hear when it changes. */
function StateSentence({ silence }: { silence: SilenceView }) {
  const { t } = useTranslation()
  const values = { breakers: silence.breaks.map((entry) => entry.delegation.name).join(', ') }
  // The version's name is what the moderator wrote, so it reads in its own direction.
  const components = { version: <bdi dir="auto">{silence.version.name}</bdi> }
  switch (silence.state) {
    case 'adopted':
      return <Trans t={t} i18nKey="silence.adoptedSentence" components={components} />
    case 'broken':
      return <Trans t={t} i18nKey="silence.brokenSentence" values={values} components={components} />
    case 'withdrawn':
      return <Trans t={t} i18nKey="silence.withdrawnSentence" components={components} />
    case 'running':
      return silence.breaks.length > 0 ? (
        <Trans t={t} i18nKey="silence.runningBrokenSentence" values={values} components={components} />
      ) : (
        <Trans t={t} i18nKey="silence.runningSentence" components={components} />
      )
  }
}

/** The banner's opening words for where a silence stands, with their colon. */
function stateHeading(t: TFunction, state: SilenceView['state']): string {
  switch (state) {
    case 'running':
      return t('silence.running')
    case 'adopted':
      return t('silence.adopted')
    case 'broken':
      return t('silence.broken')
    case 'withdrawn':
      return t('silence.withdrawn')
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
  const [breaking, setBreaking] = useState(false)
  const { t } = useTranslation()
  const dateTime = useDateTime()
  if (!silence) return null
  const running = silence.state === 'running'
  const mayBreak = running && signer && can(signer.role, 'silence.break') && !silence.breaks.some((entry) => entry.delegation.code === signer.identity.delegation.code)
  return (
    <section className={`silence-banner silence-${silence.state}`} aria-label={t('silence.region')}>
      <p role="status">
        <strong>{stateHeading(t, silence.state)}</strong> <StateSentence silence={silence} />
      </p>
      <p>
        <Trans t={t} i18nKey="silence.deadline" components={{ deadline: <DeadlineTime silence={silence} /> }} />{' '}
        {running && <span role="timer">{countdownWords(t, Date.parse(silence.deadline), now)}</span>}
        {silence.decidedAt && t('silence.decidedAt', { time: dateTime(silence.decidedAt) })}
      </p>
      {silence.breaks.length > 0 && (
        <ul className="silence-breaks" aria-label={t('silence.breaks')}>
          {silence.breaks.map((entry) => (
            <li key={entry.id}>
              <Trans
                t={t}
                i18nKey="silence.breakEntry"
                values={{
                  paragraphs: entry.paragraphs.map((paragraph) => paragraph.label).join(', '),
                  signer: entry.signer,
                  time: dateTime(entry.brokenAt),
                }}
                components={{ delegation: <strong>{entry.delegation.name}</strong>, fingerprint: <code>{entry.fingerprint}</code> }}
              />{' '}
              <q dir="auto">{entry.statement}</q>
            </li>
          ))}
        </ul>
      )}
      {mayBreak && signer && (
        <>
          <button type="button" aria-expanded={breaking} onClick={() => setBreaking((open) => !open)}>
            {t('silence.breakFor', { delegation: signer.identity.delegation.name })}
          </button>
          {breaking && <BreakSilenceForm declaration={declaration} silence={silence} identity={signer.identity} onDone={() => setBreaking(false)} />}
        </>
      )}
    </section>
  )
}
