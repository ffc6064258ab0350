import type { Editor } from '@tiptap/core'

/**
 * Changes the text of the note that read `original` when the person began editing it: the one at `index` if it
 * still does, else the one nearest to it that does (others may have added notes since). False if none is left.
 */
export function updateNoteText(editor: Editor, index: number, original: string, text: string): boolean {
  const candidates: { pos: number; index: number }[] = []
  let seen = 0
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return
    if (node.attrs.text === original) candidates.push({ pos, index: seen })
    seen += 1
  })
  const target = candidates.sort((a, b) => Math.abs(a.index - index) - Math.abs(b.index - index))[0]
  if (!target) return false
  return editor.commands.command(({ tr }) => {
    tr.setNodeAttribute(target.pos, 'text', text)
    return true
  })
}
