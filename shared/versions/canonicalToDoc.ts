import type { JSONContent } from '@tiptap/core'
import type { CanonicalBlock, CanonicalInline, CanonicalListItem, CanonicalText } from './canonicalText.js'

function inlineContent(content: CanonicalInline[]): JSONContent[] {
  return content.flatMap((run): JSONContent[] => {
    if ('note' in run) return [{ type: 'footnote', attrs: { text: run.note } }]
    // Line breaks were written as "\\n" runs; they become hard breaks again.
    return run.text.split('\n').flatMap((piece, index): JSONContent[] => [
      ...(index > 0 ? [{ type: 'hardBreak' }] : []),
      ...(piece ? [{ type: 'text', text: piece, ...(run.marks.length ? { marks: run.marks.map((type) => ({ type })) } : {}) }] : []),
    ])
  })
}

function listItem(item: CanonicalListItem): JSONContent {
  return { type: 'listItem', content: [{ type: 'paragraph', content: inlineContent(item.content) }, ...item.lists.map(block)] }
}

function block(node: CanonicalBlock): JSONContent {
  switch (node.type) {
    case 'clause':
      return { type: 'clause', attrs: { id: node.id, kind: node.kind }, content: inlineContent(node.content) }
    case 'heading':
      return { type: 'heading', attrs: { level: node.level }, content: inlineContent(node.content) }
    case 'list':
      return { type: node.ordered ? 'orderedList' : 'bulletList', content: node.items.map(listItem) }
  }
}

/** The editor document of a canonical text, with its paragraph ids: what restoring a version writes back. */
export function canonicalToDoc(text: CanonicalText): JSONContent {
  return { type: 'doc', content: [{ type: 'title', content: text.title ? [{ type: 'text', text: text.title }] : [] }, ...text.blocks.map(block)] }
}
