import * as Y from 'yjs'

/** Any shared type (root, element or text), as Yjs itself types it. */
export type SharedType = Parameters<typeof Y.findRootTypeKey>[0]

/** The pieces of a decoded Yjs update: new structs and deleted ranges. */
export interface DecodedUpdate {
  structs: (Y.Item | Y.GC | Y.Skip)[]
  ds: { clients: Map<number, { clock: number; len: number }[]> }
}

/** A container an item goes into: the root fragment, an element or a text, in the document or new in the update. */
export interface Container {
  /** The id of the container's own item; null for a root type. */
  readonly id: Y.ID | null
  readonly kind: 'root' | 'element' | 'text' | 'other'
  /** The root type's name, or the element's node name. */
  readonly name: string
  /** The container this one sits in (for a text: its element); null for a root, undefined when not known. */
  readonly outer: Container | null | undefined
}

/** Where a new item goes: its container and map key, or that its container is gone (it is discarded), or not yet known. */
export type Placement = { container: Container; sub: string | null } | 'gone' | 'unknown'

/** `client:clock`, the identity of an item in maps. */
export const itemKey = (id: Y.ID): string => `${id.client}:${id.clock}`

/**
 * Finds, for the items an update adds, where they go, looking up what they refer to first among the items the
 * document already has and then among the update's own, without applying anything: a lookup is a binary search, so the
 * cost follows the size of the update, not of the document.
 */
export class UpdateItems {
  /** The update's items the document does not have yet, by writer, in clock order. */
  readonly fresh = new Map<number, Y.Item[]>()
  private readonly placements = new Map<Y.Item, Placement>()
  private readonly containers = new Map<SharedType, Container>()

  constructor(
    readonly doc: Y.Doc,
    updates: DecodedUpdate[],
  ) {
    for (const { structs } of updates) {
      for (const struct of structs) {
        if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
        const list = this.fresh.get(struct.id.client) ?? []
        list.push(struct)
        this.fresh.set(struct.id.client, list)
      }
    }
    for (const list of this.fresh.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  /** Every new item. */
  *items(): Generator<Y.Item> {
    for (const list of this.fresh.values()) yield* list
  }

  /** The document's struct holding this id, if the document has it. */
  existing(id: Y.ID): Y.Item | Y.GC | null {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null
    const structs = this.doc.store.clients.get(id.client)!
    const struct = structs[Y.findIndexSS(structs, id.clock)]
    return struct instanceof Y.Item || struct instanceof Y.GC ? struct : null
  }

  /** The update's new item holding this id, if it has one. */
  freshItem(id: Y.ID): Y.Item | null {
    const list = this.fresh.get(id.client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const item = list[middle]!
      if (id.clock < item.id.clock) high = middle - 1
      else if (id.clock >= item.id.clock + item.length) low = middle + 1
      else return item
    }
    return null
  }

  /** The container a type of the document stands for. */
  containerOf(type: SharedType): Container {
    let container = this.containers.get(type)
    if (container) return container
    const item = type._item
    if (item === null) container = { id: null, kind: 'root', name: Y.findRootTypeKey(type), outer: null }
    else {
      const outer = item.parent instanceof Y.AbstractType ? this.containerOf(item.parent) : undefined
      container = typeContainer(item.id, type, outer)
    }
    this.containers.set(type, container)
    return container
  }

  /** Where a new item goes. */
  placement(item: Y.Item): Placement {
    let placement = this.placements.get(item)
    if (placement) return placement
    // Marked first, so a crafted cycle of references ends here instead of recursing for ever.
    this.placements.set(item, 'unknown')
    placement = this.resolve(item)
    this.placements.set(item, placement)
    return placement
  }

  private resolve(item: Y.Item): Placement {
    const { parent } = item
    if (typeof parent === 'string') return { container: { id: null, kind: 'root', name: parent, outer: null }, sub: item.parentSub }
    if (parent instanceof Y.ID) {
      const container = this.containerAt(parent)
      return typeof container === 'string' ? container : { container, sub: item.parentSub }
    }
    const neighbour = item.origin ?? item.rightOrigin
    if (neighbour === null) return 'unknown'
    const known = this.existing(neighbour)
    if (known instanceof Y.GC) return 'gone'
    if (known) {
      if (!(known.parent instanceof Y.AbstractType)) return 'gone'
      return { container: this.containerOf(known.parent), sub: known.parentSub }
    }
    const sibling = this.freshItem(neighbour)
    return sibling ? this.placement(sibling) : 'unknown'
  }

  /** The container whose own item has this id. */
  private containerAt(id: Y.ID): Container | 'gone' | 'unknown' {
    const known = this.existing(id)
    if (known instanceof Y.GC) return 'gone'
    if (known) return known.content instanceof Y.ContentType ? this.containerOf(known.content.type) : 'gone'
    const item = this.freshItem(id)
    if (!item) return 'unknown'
    const outer = this.placement(item)
    if (!(item.content instanceof Y.ContentType)) return 'gone'
    return typeContainer(item.id, item.content.type, typeof outer === 'string' ? undefined : outer.container)
  }
}

function typeContainer(id: Y.ID, type: SharedType, outer: Container | undefined): Container {
  if (type instanceof Y.XmlElement) return { id, kind: 'element', name: type.nodeName, outer }
  if (type instanceof Y.XmlText) return { id, kind: 'text', name: 'text', outer }
  return { id, kind: 'other', name: '', outer }
}
