import { EditorContent, type Editor } from '@tiptap/react'
import { NotesList } from './NotesList.js'

/** The text and its notes; hidden until the text is known. */
export function DeclarationEditor({ editor, ready }: { editor: Editor | null; ready: boolean }) {
  return (
    <div className="editor" hidden={!ready}>
      <EditorContent editor={editor} />
      {editor && <NotesList editor={editor} />}
    </div>
  )
}
