import { Node } from '@tiptap/core'

/** The declaration's title: plain text, exactly one, at the top. */
export const Title = Node.create({
  name: 'title',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [{ tag: 'h1' }]
  },

  renderHTML() {
    return ['h1', { class: 'declaration-title' }, 0]
  },
})
