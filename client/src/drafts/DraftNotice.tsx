import { useId, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { closeMessage } from '../i18n/closeMessage.js'
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
  const { t } = useTranslation()
  if (!draft || draft.paragraphs.length === 0) return null

  const handleCopy = () => {
    navigator.clipboard.writeText(draftText(draft.paragraphs)).then(
      () => setCopied(t('drafts.copied')),
      () => setCopied(t('drafts.copyRefused')),
    )
  }
  return (
    <section className="draft-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('drafts.heading')}</h2>
      <p role="alert">{t('drafts.notSaved', { reason: closeMessage(t, draft.code) })}</p>
      <ul className="draft-notice__paragraphs" aria-label={t('drafts.paragraphs')}>
        {draft.paragraphs.map((paragraph, index) => (
          <li key={index}>
            <span className="draft-notice__label">{paragraph.label}</span>
            <span dir="auto">{paragraph.text}</span>
          </li>
        ))}
      </ul>
      <div className="draft-notice__actions">
        <button type="button" onClick={handleCopy}>
          {t('drafts.copy')}
        </button>
        <button type="button" onClick={() => drafts.dismiss()}>
          {t('drafts.dismiss')}
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  )
}
