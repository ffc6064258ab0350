import * as Y from 'yjs'
import { ClauseKind, clauseLabelPrefix } from '../editor/clauseKind.js'
import type { DeclarationIndex } from '../editor/DeclarationIndex.js'
import { UpdateItems, type Container, type DecodedUpdate } from '../editor/updateItems.js'

/** The id of the top-level element a container lies in; null for the root itself or a container whose place is not known yet. */
function topLevelId(container: Container): Y.ID | null {
  if (container.kind === 'root') return null
  let at = container
  while (at.outer && at.outer.kind !== 'root') at = at.outer
  return at.outer ? at.id : null
}

/** The top-level item an item of the document lies in (itself, at the top level); null outside the declaration text. */
function topLevelItem(item: Y.Item, root: Y.XmlFragment): Y.Item | null {
  for (let at = item; ; ) {
    const { parent } = at
    if (parent === root) return at
    if (!(parent instanceof Y.AbstractType) || parent._item === null) return null
    at = parent._item
  }
}

/** The id of the live clause a top-level item holds, if it is one and its id is closed. */
function closedClauseOf(item: Y.Item | Y.GC | null, closed: ReadonlySet<string>): string | null {
  if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentType)) return null
  const { type } = item.content
  if (!(type instanceof Y.XmlElement) || type.nodeName !== 'clause') return null
  const id: unknown = type.getAttribute('id')
  return typeof id === 'string' && closed.has(id) ? id : null
}

/**
 * The id of a closed paragraph an update would change (text, marks, attributes, or the paragraph itself deleted), or
 * null. Like the schema check it looks only at what the update adds and deletes, and only at the paragraphs those
 * pieces lie in, so its cost follows the size of the update, not of the declaration or the number of closed
 * paragraphs. New paragraphs beside a closed one change nothing in it.
 */
export function closedParagraphTouched(index: DeclarationIndex, updates: DecodedUpdate[], closed: ReadonlySet<string>): string | null {
  if (closed.size === 0) return null
  const items = new UpdateItems(index.doc, updates)
  for (const item of items.items()) {
    const placement = items.placement(item)
    // Parked until what it builds on arrives; it is checked then, with the update that frees it.
    if (typeof placement === 'string') continue
    const top = topLevelId(placement.container)
    const clauseId = top && closedClauseOf(items.existing(top), closed)
    if (clauseId) return clauseId
  }
  for (const { ds } of updates) {
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        for (let at = clock; at < clock + len; ) {
          const id = Y.createID(client, at)
          const known = items.existing(id)
          const struct = known ?? items.freshItem(id)
          // What is neither here nor in the update waits in Yjs until it arrives.
          if (!struct) break
          at = struct.id.clock + struct.length
          if (!(known instanceof Y.Item) || known.deleted) continue
          const clauseId = closedClauseOf(topLevelItem(known, index.root), closed)
          if (clauseId) return clauseId
        }
      }
    }
  }
  return null
}

/** The label (PP2, OP7) a clause id has in the live text now, or null when no clause holds it. */
export function liveClauseLabel(root: Y.XmlFragment, clauseId: string): string | null {
  const counts: Record<ClauseKind, number> = { preambular: 0, operative: 0 }
  for (const child of root.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'clause') continue
    const kind = ClauseKind.catch('operative').parse(child.getAttribute('kind'))
    counts[kind] += 1
    if (child.getAttribute('id') === clauseId) return `${clauseLabelPrefix[kind]}${counts[kind]}`
  }
  return null
}
