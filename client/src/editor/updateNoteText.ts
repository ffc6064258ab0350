import type { Editor } from '@tiptap/core'

/** The index of the note reading `original` nearest to `index` (others may have added notes since); -1 if none. */
export function nearestNoteIndex(texts: string[], index: number, original: string): number {
  let best = -1
  texts.forEach((text, at) => {
    if (text === original && (best < 0 || Math.abs(at - index) < Math.abs(best - index))) best = at
  })
  return best
}

/** Changes the text of the note that read `original` when editing began, found as `nearestNoteIndex` does. */
export function updateNoteText(editor: Editor, index: number, original: string, text: string): boolean {
  const notes: { pos: number; text: string }[] = []
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') notes.push({ pos, text: String(node.attrs.text) })
  })
  const target = notes[nearestNoteIndex(notes.map((note) => note.text), index, original)]
  if (!target) return false
  return editor.commands.command(({ tr }) => {
    tr.setNodeAttribute(target.pos, 'text', text)
    return true
  })
}
