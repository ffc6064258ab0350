import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { PresenceUser } from '../../../shared/awareness.js'
import { DECLARATION_FRAGMENT, declarationExtensions } from '../../../shared/editor/declarationExtensions.js'
import { NotesList } from './NotesList.js'
import { renderCaret, renderSelection } from './renderCaret.js'
import { Toolbar } from './Toolbar.js'

interface DeclarationEditorProps {
  doc: Y.Doc
  provider: WebsocketProvider
  user: PresenceUser
  editable: boolean
}

/** The collaborative editor: the shared schema bound to the Y.Doc, with labelled remote carets. */
export function DeclarationEditor({ doc, provider, user, editable }: DeclarationEditorProps) {
  const editor = useEditor(
    {
      editable,
      extensions: [
        ...declarationExtensions(),
        Collaboration.configure({ document: doc, field: DECLARATION_FRAGMENT }),
        CollaborationCaret.configure({
          provider,
          // The server replaces this with the identity of the session; it is only a local default.
          user,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Declaration text',
          class: 'declaration-text',
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
  }, [editor, editable])

  return (
    <div className="editor">
      {editor && editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
      {editor && <NotesList editor={editor} />}
    </div>
  )
}
