import { Trans, useTranslation } from 'react-i18next'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { useDateTime } from '../i18n/useDateTime.js'

/** The deadline in the zone the moderator set it in, named, and in the reader's own zone when that differs. */
export function DeadlineTime({ silence }: { silence: Pick<SilenceView, 'deadline' | 'timeZone'> }) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const inZone = dateTime(silence.deadline, silence.timeZone)
  const own = dateTime(silence.deadline)
  // The zone's name is an identifier in Latin letters, the same in every language.
  const zone = <bdi dir="ltr">{silence.timeZone.replaceAll('_', ' ')}</bdi>
  return (
    <time dateTime={silence.deadline}>
      {own === inZone ? (
        <Trans t={t} i18nKey="silence.deadlineIn" values={{ time: inZone }} components={{ zone }} />
      ) : (
        <Trans t={t} i18nKey="silence.deadlineInOwn" values={{ time: inZone, own }} components={{ zone }} />
      )}
    </time>
  )
}
