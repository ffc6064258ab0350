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

/** A live region, so screen readers hear the status change; the words carry it, colour only repeats it. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <p className={`save-indicator save-indicator--${status.kind}`} role="status" aria-live="polite" data-status={status.kind}>
      {saveStatusText(status)}
    </p>
  )
}
