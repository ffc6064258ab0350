import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_FRAME_BYTES } from '../../../shared/protocol/syncLimits.js'
import { EDIT_TOO_LARGE_EVENT } from '../sync/EditSizeGuard.js'
import { formatSize } from './formatSize.js'
import './drafts.css'

/** Wraps the editor and says so, in words, when it refused an edit for its size; the person dismisses the message. */
export function EditTooLargeNotice({ children }: { children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null)
  const [bytes, setBytes] = useState<number | null>(null)
  const { t } = useTranslation()
  useEffect(() => {
    const element = wrapper.current
    if (!element) return
    const handleTooLarge = (event: Event) => setBytes((event as CustomEvent<number>).detail)
    element.addEventListener(EDIT_TOO_LARGE_EVENT, handleTooLarge)
    return () => element.removeEventListener(EDIT_TOO_LARGE_EVENT, handleTooLarge)
  }, [])
  return (
    <div ref={wrapper}>
      {bytes !== null && (
        <div className="edit-refused">
          <p role="alert">{t('drafts.tooLarge', { size: formatSize(t, bytes), limit: formatSize(t, MAX_FRAME_BYTES) })}</p>
          <button type="button" onClick={() => setBytes(null)}>
            {t('drafts.dismiss')}
          </button>
        </div>
      )}
      {children}
    </div>
  )
}
