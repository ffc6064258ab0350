import { DEFAULT_LOCALE, formatDateTime } from '../../../shared/format/dateTime.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'

/** The deadline in the zone the moderator set it in, named, and in the reader's own zone when that differs. */
export function deadlineWords(silence: Pick<SilenceView, 'deadline' | 'timeZone'>): string {
  const set = `${formatDateTime(silence.deadline, DEFAULT_LOCALE, silence.timeZone)} (${silence.timeZone.replaceAll('_', ' ')})`
  const own = formatDateTime(silence.deadline)
  return own === formatDateTime(silence.deadline, DEFAULT_LOCALE, silence.timeZone) ? set : `${set}, that is ${own} where you are`
}
