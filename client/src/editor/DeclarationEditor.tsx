import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { Identity } from '../../../shared/api/schemas.js'
import { DECLARATION_FRAGMENT, declarationExtensions } from '../../../shared/editor/declarationExtensions.js'
import { NotesList } from './NotesList.js'
import { renderCaret, renderSelection } from './renderCaret.js'
import { Toolbar } from './Toolbar.js'

interface DeclarationEditorProps {
  doc: Y.Doc
  provider: WebsocketProvider
  identity: Identity
  editable: boolean
}

/** The collaborative editor: the shared schema bound to the Y.Doc, with labelled remote carets. */
export function DeclarationEditor({ doc, provider, identity, editable }: DeclarationEditorProps) {
  const editor = useEditor(
    {
      editable,
      extensions: [
        ...declarationExtensions(),
        Collaboration.configure({ document: doc, field: DECLARATION_FRAGMENT }),
        CollaborationCaret.configure({
          provider,
          // The server replaces this with the identity of the session; it is only a local default.
          user: { ...identity, color: identity.delegation.color },
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

  if (editor && editor.isEditable !== editable) editor.setEditable(editable)

  return (
    <div className="editor">
      {editor && editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
      {editor && <NotesList editor={editor} />}
    </div>
  )
}
