import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { useEditor, type Editor } from '@tiptap/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { PresenceUser } from '../../../shared/awareness.js'
import { DECLARATION_FRAGMENT, declarationExtensions } from '../../../shared/editor/declarationExtensions.js'
import { AmendmentMarks } from '../amendments/AmendmentMarks.js'
import { SuggestingMode } from '../amendments/SuggestingMode.js'
import { BracketMarks } from '../brackets/BracketMarks.js'
import { CommentHighlights } from '../comments/CommentHighlights.js'
import { StatusBadges } from '../paragraphStatus/StatusBadges.js'
import { EditSizeGuard } from '../sync/EditSizeGuard.js'
import { PasteMapping } from './PasteMapping.js'
import { caretRenderer, renderSelection } from './renderCaret.js'
import { RoundLabels } from './RoundLabels.js'
import { TextDirection } from './TextDirection.js'
import { TextSearch } from './TextSearch.js'
import { TitleKeys } from './TitleKeys.js'

/** The collaborative editor: the shared schema bound to the Y.Doc, with labelled remote carets, comment highlights, suggesting mode and pending amendments. */
export function useDeclarationEditor(doc: Y.Doc, provider: WebsocketProvider, user: PresenceUser, editable: boolean): Editor | null {
  const { t } = useTranslation()
  const editor = useEditor(
    {
      editable,
      // The Content-Security-Policy forbids injected <style> elements; main.tsx loads ProseMirror's stylesheet.
      injectCSS: false,
      extensions: [
        ...declarationExtensions(),
        Collaboration.configure({ document: doc, field: DECLARATION_FRAGMENT }),
        RoundLabels.configure({ document: doc }),
        CollaborationCaret.configure({
          provider,
          // The server replaces this with the identity of the session; it is only a local default.
          user,
          render: caretRenderer(t('editor.someone')),
          selectionRender: renderSelection,
        }),
        CommentHighlights,
        SuggestingMode,
        AmendmentMarks,
        BracketMarks,
        StatusBadges,
        EditSizeGuard,
        TextDirection,
        TitleKeys,
        PasteMapping,
        TextSearch,
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          class: 'declaration-text',
          // Read-only text is not editable, so this is what lets a reader reach it with Tab and search it.
          tabindex: '0',
        },
      },
    },
    [doc, provider],
  )

  useEffect(() => {
    if (!editor) return
    editor.setEditable(editable)
    // ProseMirror leaves attributes it does not manage alone, so this one survives its updates.
    editor.view.dom.setAttribute('aria-readonly', String(!editable))
    editor.view.dom.setAttribute('aria-label', t('editor.label'))
  }, [editor, editable, t])

  return editor
}
