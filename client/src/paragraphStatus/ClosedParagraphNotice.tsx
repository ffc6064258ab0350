import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PARAGRAPH_CLOSED_EVENT } from './StatusBadges.js'

/** Says, politely, why a keystroke in an agreed paragraph did nothing. */
export function ClosedParagraphNotice({ editor }: { editor: Editor | null }) {
  const [label, setLabel] = useState<string | null>(null)
  const { t } = useTranslation()
  useEffect(() => {
    if (!editor) return
    const element = editor.view.dom
    const handleClosed = (event: Event) => setLabel((event as CustomEvent<string>).detail)
    element.addEventListener(PARAGRAPH_CLOSED_EVENT, handleClosed)
    return () => element.removeEventListener(PARAGRAPH_CLOSED_EVENT, handleClosed)
  }, [editor])
  return (
    <p role="status" className="closed-paragraph-notice">
      {label && t('paragraphStatus.closed', { label })}
    </p>
  )
}
