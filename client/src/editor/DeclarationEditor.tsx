import { EditorContent, type Editor } from '@tiptap/react'
import { NotesList } from './NotesList.js'
import { Toolbar } from './Toolbar.js'

/** The text with its toolbar (for those who may edit) and its notes. */
export function DeclarationEditor({ editor, editable }: { editor: Editor | null; editable: boolean }) {
  return (
    <div className="editor">
      {editor && editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
      {editor && <NotesList editor={editor} />}
    </div>
  )
}
