import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

const textDirectionKey = new PluginKey<DecorationSet>('textDirection')

function decorate(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: 'auto' }))
    return false
  })
  return DecorationSet.create(doc, decorations)
}

/** Renders every paragraph, heading and title with dir="auto", so each reads in the direction of its own script; nothing is stored. */
export const TextDirection = Extension.create({
  name: 'textDirection',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: textDirectionKey,
        state: {
          init: (_, state) => decorate(state.doc),
          apply: (tr, decorations) => (tr.docChanged ? decorate(tr.doc) : decorations),
        },
        props: {
          decorations: (state) => textDirectionKey.getState(state),
        },
      }),
    ]
  },
})
