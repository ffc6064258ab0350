import { mergeAttributes, Node } from '@tiptap/core'
import { ClauseKind } from './clauseKind.js'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clause: {
      /** Makes the clause at the selection preambular or operative. */
      setClauseKind: (kind: ClauseKind) => ReturnType
    }
  }
}

/** A numbered paragraph of the declaration, with a stable id and a kind. */
export const Clause = Node.create({
  name: 'clause',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        // The half after a split is a new paragraph, so it gets a new id.
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-clause-id'),
        renderHTML: (attributes) => ({ 'data-clause-id': attributes.id }),
      },
      kind: {
        default: 'operative',
        parseHTML: (element) => ClauseKind.catch('operative').parse(element.getAttribute('data-kind')),
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'p[data-kind]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes({ class: 'clause' }, HTMLAttributes), 0]
  },

  addCommands() {
    return {
      setClauseKind:
        (kind) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { kind }),
    }
  },

  addKeyboardShortcuts() {
    return {
      // Enter at the start of a clause opens an empty clause above, so the text keeps its id.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection
        const node = $from.parent
        if (!empty || node.type.name !== this.name || $from.parentOffset !== 0 || node.content.size === 0) {
          return false
        }
        return editor
          .chain()
          .insertContentAt($from.before(), { type: this.name, attrs: { kind: node.attrs.kind } })
          .run()
      },
    }
  },
})
