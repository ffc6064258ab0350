import * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import type { AmendmentChange } from '../../../shared/negotiation/amendmentSchemas.js'
import { applyChange, resolveChange } from '../../../shared/negotiation/paragraphChanges.js'

/** A copy of the document's state, to try a change on without touching the live text. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/**
 * The Yjs update that applying `change` to the text as it is now makes, worked out on a copy so it can be stored
 * before the live text changes; null when the words it changes were edited since it was made.
 */
export function changeUpdate(doc: Y.Doc, change: AmendmentChange): Uint8Array | null {
  const copy = copyOf(doc)
  try {
    const resolved = resolveChange(copy, change)
    if (!resolved) return null
    const made: Uint8Array[] = []
    copy.on('update', (update: Uint8Array) => made.push(update))
    applyChange(copy, resolved, null)
    if (made.length !== 1) throw new Error(`applying an amendment made ${made.length} updates, not one`)
    return made[0]!
  } finally {
    copy.destroy()
  }
}

/** Whether the text already holds all of `update`: applying a Yjs update twice changes nothing the second time. */
export function holdsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = copyOf(doc)
  try {
    const before = Y.snapshot(copy)
    Y.applyUpdate(copy, update)
    return Y.equalSnapshots(before, Y.snapshot(copy))
  } finally {
    copy.destroy()
  }
}

/** The id of the paragraph that `update`, already in the text, inserted into it; null if it inserted none. */
export function insertedClauseId(doc: Y.Doc, update: Uint8Array): string | null {
  const { structs } = Y.decodeUpdate(update)
  const made = (id: Y.ID) => structs.some((struct) => struct.id.client === id.client && id.clock >= struct.id.clock && id.clock < struct.id.clock + struct.length)
  for (const child of doc.getXmlFragment(DECLARATION_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'clause' && child._item && made(child._item.id)) {
      const id = child.getAttribute('id')
      if (typeof id === 'string') return id
    }
  }
  return null
}
