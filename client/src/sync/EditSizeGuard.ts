import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { MAX_FRAME_BYTES } from '../../../shared/protocol/syncLimits.js'

/** The DOM event the editor fires when it refuses an edit for its size; `detail` is the size in bytes. */
export const EDIT_TOO_LARGE_EVENT = 'kelisim:edit-too-large'

const utf8 = new TextEncoder()

/** About how many bytes the content a transaction inserts takes on the wire (its JSON is close to the Yjs update). */
function insertedBytes(steps: readonly unknown[]): number {
  let bytes = 0
  for (const step of steps) {
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) bytes += utf8.encode(JSON.stringify(step.slice.content.toJSON() ?? [])).byteLength
  }
  return bytes
}

/**
 * Refuses, before it enters the document, a local edit (a paste, a drop) larger than the server takes in one go,
 * and tells the page through EDIT_TOO_LARGE_EVENT. Changes arriving from others are never filtered.
 */
export const EditSizeGuard = Extension.create({
  name: 'editSizeGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('editSizeGuard'),
        filterTransaction: (transaction) => {
          if (!transaction.docChanged || (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) return true
          const bytes = insertedBytes(transaction.steps)
          if (bytes <= MAX_FRAME_BYTES) return true
          this.editor.view.dom.dispatchEvent(new CustomEvent(EDIT_TOO_LARGE_EVENT, { detail: bytes, bubbles: true }))
          return false
        },
      }),
    ]
  },
})
