import * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from './declarationExtensions.js'
import { itemKey } from './updateItems.js'

/**
 * The whole-document facts the schema check needs, kept up to date as transactions apply, so a keystroke never
 * scans the declaration: its live titles, and which live clause holds each id.
 */
export class DeclarationIndex {
  readonly root: Y.XmlFragment
  /** Live title elements at the top level, by their item's key. */
  readonly titles = new Map<string, Y.XmlElement>()
  /** Keys of titles deleted while loaded: once collected, nothing else says an item was one. */
  readonly formerTitles = new Set<string>()
  /** The live top-level clauses holding each id, by their item's key. */
  private readonly owners = new Map<string, Map<string, Y.XmlElement>>()
  private readonly idOf = new Map<Y.XmlElement, string>()
  /** Ids held by more than one live clause. */
  private readonly shared = new Set<string>()

  constructor(readonly doc: Y.Doc) {
    this.root = doc.getXmlFragment(DECLARATION_FRAGMENT)
    for (const child of this.root.toArray()) this.touch(child)
    doc.on('afterTransaction', this.handleTransaction)
  }

  /** Stops following the document. */
  destroy(): void {
    this.doc.off('afterTransaction', this.handleTransaction)
  }

  /** The keys of the live clauses that hold this id. */
  holders(id: string): ReadonlyMap<string, Y.XmlElement> {
    return this.owners.get(id) ?? new Map()
  }

  /** Ids held by more than one live clause, with their holders. */
  duplicates(): [string, Y.XmlElement[]][] {
    return [...this.shared].map((id) => [id, [...this.holders(id).values()]])
  }

  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    const { store } = this.doc
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0
      if (after === before) continue
      const structs = store.clients.get(client)!
      for (let index = Y.findIndexSS(structs, before); index < structs.length; index += 1) this.touchItem(structs[index]!)
    }
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => this.touchItem(struct))
  }

  /** Re-reads what an added or deleted item may change: a top-level element, or a clause's id. */
  private touchItem(struct: Y.Item | Y.GC): void {
    if (!(struct instanceof Y.Item)) return
    const { parent } = struct
    if (parent === this.root && struct.parentSub === null && struct.content instanceof Y.ContentType) this.touch(struct.content.type)
    else if (parent instanceof Y.XmlElement && struct.parentSub === 'id') this.touch(parent)
  }

  private touch(node: unknown): void {
    if (!(node instanceof Y.XmlElement) || node._item === null) return
    const key = itemKey(node._item.id)
    const live = !node._item.deleted && node.parent === this.root
    if (node.nodeName === 'title') {
      if (live) this.titles.set(key, node)
      else if (this.titles.delete(key)) this.formerTitles.add(key)
      return
    }
    const previous = this.idOf.get(node)
    if (previous !== undefined) {
      this.idOf.delete(node)
      const holders = this.owners.get(previous)
      holders?.delete(key)
      if (holders?.size === 0) this.owners.delete(previous)
      if ((holders?.size ?? 0) < 2) this.shared.delete(previous)
    }
    const id: unknown = node.getAttribute('id')
    if (!live || node.nodeName !== 'clause' || typeof id !== 'string') return
    this.idOf.set(node, id)
    const holders = this.owners.get(id) ?? new Map<string, Y.XmlElement>()
    holders.set(key, node)
    this.owners.set(id, holders)
    if (holders.size > 1) this.shared.add(id)
  }
}
