import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/** A hit of the search in the document, as positions. */
export interface TextRange {
  from: number
  to: number
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every case-insensitive occurrence of `query` in the text of every paragraph, title and heading, in order. */
export function findMatches(doc: ProseMirrorNode, query: string): TextRange[] {
  if (query === '') return []
  const pattern = new RegExp(escapeRegExp(query), 'giu')
  const matches: TextRange[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    // A note or a line break stands in as one character, so string offsets stay document offsets.
    let text = ''
    node.forEach((child) => {
      text += child.isText ? child.text : '\uFFFC'.repeat(child.nodeSize)
    })
    for (const match of text.matchAll(pattern)) {
      matches.push({ from: pos + 1 + match.index, to: pos + 1 + match.index + match[0].length })
    }
    return false
  })
  return matches
}
