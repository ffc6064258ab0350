import { mergeAttributes, Node } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote-style note with this plain text at the selection. */
      insertFootnote: (text: string) => ReturnType
    }
  }
}

/** A footnote-style note: an inline marker whose plain text is listed under the declaration. */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-note') ?? '',
        renderHTML: (attributes) => ({ 'data-note': attributes.text }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'sup[data-note]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['sup', mergeAttributes({ class: 'footnote', 'aria-label': `Note: ${node.attrs.text}` }, HTMLAttributes)]
  },

  addCommands() {
    return {
      insertFootnote:
        (text) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text } }),
    }
  },
})
