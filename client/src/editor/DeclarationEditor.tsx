import { EditorContent, type Editor } from '@tiptap/react'
import { NotesList } from './NotesList.js'
import { PasteNotice } from './PasteNotice.js'
import { SearchBar } from './SearchBar.js'
import './print.css'

/** The text with its search, paste notices (for those who may edit) and notes; hidden until the text is known. */
export function DeclarationEditor({ editor, editable, ready }: { editor: Editor | null; editable: boolean; ready: boolean }) {
  return (
    <div className="editor" hidden={!ready}>
      {editor && editable && <PasteNotice editor={editor} />}
      {editor && <SearchBar editor={editor} />}
      <EditorContent editor={editor} />
      {editor && <NotesList editor={editor} editable={editable} />}
    </div>
  )
}
