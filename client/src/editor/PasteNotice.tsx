import { useEditorState, type Editor } from '@tiptap/react'
import type { PasteLoss } from './mapPastedHtml.js'
import './paste.css'

const lossLabels: Record<PasteLoss, string> = {
  underline: 'underline',
  strikethrough: 'strikethrough',
  links: 'links (their text is kept)',
  superscript: 'superscript',
  subscript: 'subscript',
  images: 'images',
  'table layout': 'table layout (each row is now a paragraph, cells separated by |)',
  'paragraph breaks': 'paragraph breaks (the title is one line)',
}

/** Says, politely, what the last paste from outside could not keep. */
export function PasteNotice({ editor }: { editor: Editor }) {
  const report = useEditorState({ editor, selector: ({ editor: current }) => current.storage.pasteMapping.report })
  const message =
    report.count === 0 ? '' : report.lost.length === 0 ? 'Pasted; everything was kept.' : `Pasted. Not kept: ${report.lost.map((loss) => lossLabels[loss]).join('; ')}.`
  return (
    <p className="paste-notice" role="status">
      {message}
    </p>
  )
}
