import { EditorContent, type Editor } from '@tiptap/react'
import { NotesList } from './NotesList.js'
import { PasteNotice } from './PasteNotice.js'
import { SearchBar } from './SearchBar.js'
import { Toolbar } from './Toolbar.js'
import './print.css'

/** The text with its toolbar (for those who may edit) and its notes; hidden until the text is known. */
export function DeclarationEditor({ editor, editable, ready }: { editor: Editor | null; editable: boolean; ready: boolean }) {
  return (
    <div className="editor" hidden={!ready}>
      {editor && editable && <Toolbar editor={editor} />}
      {editor && editable && <PasteNotice editor={editor} />}
      {editor && <SearchBar editor={editor} />}
      <EditorContent editor={editor} />
      {editor && <NotesList editor={editor} editable={editable} />}
    </div>
  )
}
