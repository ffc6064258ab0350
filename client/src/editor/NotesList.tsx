import { useEditorState, type Editor } from '@tiptap/react'

/** The footnote-style notes, numbered in the order they appear in the text. */
export function NotesList({ editor }: { editor: Editor }) {
  const notes = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const texts: string[] = []
      current.state.doc.descendants((node) => {
        if (node.type.name === 'footnote') texts.push(String(node.attrs.text))
      })
      return texts
    },
    equalityFn: (a, b) => b !== null && a.length === b.length && a.every((text, index) => text === b[index]),
  })
  if (notes.length === 0) return null
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <ol>
        {notes.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ol>
    </section>
  )
}
