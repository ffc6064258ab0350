import { Extension } from '@tiptap/core'
import type * as Y from 'yjs'
import { withRoundLabels } from '../../../shared/editor/ClauseNumbering.js'
import { readLabelRecords, ROUND_LABELS_MAP } from '../../../shared/negotiation/labelRecords.js'

interface RoundLabelsOptions {
  document: Y.Doc | null
}

interface RoundLabelsStorage {
  stop: (() => void) | null
}

declare module '@tiptap/core' {
  interface Storage {
    roundLabels: RoundLabelsStorage
  }
}

/** Feeds the editor's numbering the round's labels the server records in the shared document, as they change. */
export const RoundLabels = Extension.create<RoundLabelsOptions, RoundLabelsStorage>({
  name: 'roundLabels',

  addOptions: () => ({ document: null }),

  addStorage: () => ({ stop: null }),

  onCreate() {
    const doc = this.options.document
    if (!doc) return
    const map = doc.getMap(ROUND_LABELS_MAP)
    const show = () => {
      if (!this.editor.isDestroyed) this.editor.view.dispatch(withRoundLabels(this.editor.state.tr, readLabelRecords(doc)))
    }
    // After the change that brought the labels is fully applied: dispatched while it is still being applied, the
    // binding would find the editor's text behind the shared one and write the editor's older text back into it.
    const showLater = () => queueMicrotask(show)
    show()
    map.observe(showLater)
    this.storage.stop = () => map.unobserve(showLater)
  },

  onDestroy() {
    this.storage.stop?.()
  },
})
