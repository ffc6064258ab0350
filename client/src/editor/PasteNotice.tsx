import { useEditorState, type Editor } from '@tiptap/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { PasteLoss } from './mapPastedHtml.js'
import './paste.css'

/** What a paste could not keep, in words. */
function lossWords(t: TFunction, loss: PasteLoss): string {
  switch (loss) {
    case 'underline':
      return t('editor.paste.underline')
    case 'strikethrough':
      return t('editor.paste.strikethrough')
    case 'links':
      return t('editor.paste.links')
    case 'superscript':
      return t('editor.paste.superscript')
    case 'subscript':
      return t('editor.paste.subscript')
    case 'images':
      return t('editor.paste.images')
    case 'table layout':
      return t('editor.paste.tableLayout')
    case 'paragraph breaks':
      return t('editor.paste.paragraphBreaks')
  }
}

/** Says, politely, what the last paste from outside could not keep. */
export function PasteNotice({ editor }: { editor: Editor }) {
  const report = useEditorState({ editor, selector: ({ editor: current }) => current.storage.pasteMapping.report })
  const { t } = useTranslation()
  const message =
    report.count === 0
      ? ''
      : report.lost.length === 0
        ? t('editor.paste.kept')
        : t('editor.paste.lost', { losses: report.lost.map((loss) => lossWords(t, loss)).join('; ') })
  return (
    <p className="paste-notice" role="status">
      {message}
    </p>
  )
}
