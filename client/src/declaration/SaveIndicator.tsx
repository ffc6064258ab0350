import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { closeMessage } from '../i18n/closeMessage.js'
import type { SaveStatus } from '../sync/SaveTracker.js'

/** How long "saved" must hold before it is shown and announced: typing flips between saving and saved all the time. */
const SAVED_PAUSE_MS = 1000

/** What a screen reader is told, and what only the eye sees (in an aria-hidden part: its changes are not announced). */
interface StatusWords {
  spoken: string
  shown?: string
}

/** The words that say whether the text is safe on the server's disk. */
function statusWords(status: SaveStatus, t: TFunction): StatusWords {
  switch (status.kind) {
    case 'connecting':
      return { spoken: '', shown: t('sync.connecting') }
    case 'saving':
      return { spoken: '', shown: t('sync.saving') }
    case 'saved':
      if (status.merged === 0) return { spoken: t('sync.saved') }
      return { spoken: t('sync.savedMerged', { count: status.merged }) }
    case 'offline':
      // The count changes with every keystroke offline; being offline is what needs saying.
      return { spoken: t('sync.offline'), shown: t('sync.waiting', { count: status.waiting }) }
    case 'failed':
      return { spoken: t('sync.failed') }
    case 'refused':
      return { spoken: t('sync.refused', { reason: closeMessage(t, status.code) }) }
  }
}

/** What a read-only reader is told: only whether the text is live. */
function readOnlyWords(status: SaveStatus, t: TFunction): StatusWords {
  if (status.kind === 'saved' || status.kind === 'saving') return { spoken: t('sync.live') }
  if (status.kind === 'offline') return { spoken: t('sync.offline') }
  return statusWords(status, t)
}

/** The status to show: "saved" only once it has held for a pause, so a burst of typing is one "Saving…" then one "saved". */
function useSettledStatus(status: SaveStatus): SaveStatus {
  const [settled, setSettled] = useState<SaveStatus | null>(null)
  useEffect(() => {
    if (status.kind !== 'saved') return
    const timer = setTimeout(() => setSettled(status), SAVED_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [status])
  return status.kind === 'saved' && settled !== status ? { kind: 'saving' } : status
}

/**
 * A live region, so screen readers hear what matters: saved after a pause, offline, failed, refused. The words carry
 * it, colour only repeats it.
 */
export function SaveIndicator({ status, readOnly }: { status: SaveStatus; readOnly: boolean }) {
  const shown = useSettledStatus(status)
  const { t } = useTranslation()
  const { spoken, shown: visualOnly } = readOnly ? readOnlyWords(shown, t) : statusWords(shown, t)
  let content: ReactNode = spoken
  if (visualOnly) content = (
    <>
      {spoken}
      <span aria-hidden="true">{visualOnly}</span>
    </>
  )
  return (
    <p className={`save-indicator save-indicator--${shown.kind}`} role="status" aria-live="polite" data-status={shown.kind}>
      {content}
    </p>
  )
}
