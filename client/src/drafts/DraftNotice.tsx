import { useId, useState, useSyncExternalStore } from 'react'
import type { DraftStore } from './DraftStore.js'
import './drafts.css'

/** The draft as plain text: each paragraph on its own line after its label, ready to paste back. */
function draftText(paragraphs: { label: string; text: string }[]): string {
  return paragraphs.map((paragraph) => `${paragraph.label} ${paragraph.text}`).join('\n\n')
}

/**
 * Shows the words a refused change took off the page: announced when it appears, selectable, copyable in one press,
 * and kept (also across a reload) until the person dismisses it.
 */
export function DraftNotice({ drafts }: { drafts: DraftStore }) {
  const draft = useSyncExternalStore(
    (listener) => drafts.subscribe(listener),
    () => drafts.current,
  )
  const [copied, setCopied] = useState<string>('')
  const headingId = useId()
  if (!draft || draft.paragraphs.length === 0) return null

  const handleCopy = () => {
    navigator.clipboard.writeText(draftText(draft.paragraphs)).then(
      () => setCopied('Copied to the clipboard.'),
      () => setCopied('The browser did not allow copying; select the words above and copy them.'),
    )
  }
  return (
    <section className="draft-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>Your unsent words</h2>
      <p role="alert">
        Not saved: {draft.reason} The text now shows what the server has; what you wrote that it lacks is kept here until you dismiss it.
      </p>
      <ul className="draft-notice__paragraphs" aria-label="Unsent paragraphs">
        {draft.paragraphs.map((paragraph, index) => (
          <li key={index}>
            <span className="draft-notice__label">{paragraph.label}</span>
            <span dir="auto">{paragraph.text}</span>
          </li>
        ))}
      </ul>
      <div className="draft-notice__actions">
        <button type="button" onClick={handleCopy}>
          Copy the unsent words
        </button>
        <button type="button" onClick={() => drafts.dismiss()}>
          Dismiss
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  )
}
