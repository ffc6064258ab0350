import type { SaveStatus } from '../sync/SaveTracker.js'

/** The one sentence that says whether the text is safe on the server's disk. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting…'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return 'All changes saved'
    case 'offline':
      return `Offline, ${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'} waiting`
    case 'failed':
      return `Not saved: ${status.message}`
    case 'refused':
      return `Disconnected: ${status.message}`
  }
}

/** What a read-only reader is told: only whether the text is live. */
function readOnlyText(status: SaveStatus): string {
  if (status.kind === 'saved' || status.kind === 'saving') return 'Live: you see every change as it is made'
  return saveStatusText(status.kind === 'offline' ? { kind: 'offline', waiting: 0 } : status)
}

/** A live region, so screen readers hear the status change; the words carry it, colour only repeats it. */
export function SaveIndicator({ status, readOnly }: { status: SaveStatus; readOnly: boolean }) {
  return (
    <p className={`save-indicator save-indicator--${status.kind}`} role="status" aria-live="polite" data-status={status.kind}>
      {readOnly ? readOnlyText(status) : saveStatusText(status)}
    </p>
  )
}
