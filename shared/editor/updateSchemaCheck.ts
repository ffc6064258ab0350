import * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from './declarationExtensions.js'
import type { DeclarationIndex } from './DeclarationIndex.js'
import { declarationRules, documentRule, type NodeRule } from './schemaRules.js'
import { itemKey, UpdateItems, type Container, type DecodedUpdate, type SharedType } from './updateItems.js'

/** What checking an update found: why it is refused, or which containers' children it changes (for merge repair). */
export type SchemaVerdict =
  | { refused: string }
  | {
      refused: null
      /** Ids of the items of the containers whose children change ('root' for the top level). */
      reshaped: (Y.ID | 'root')[]
      /** Keys of the clauses the update gives an id: if one is taken, they are the ones renumbered. */
      renumbered: string[]
      /** True when the check could not be decided from the update alone and needs the result applied to a copy. */
      needsCopy: boolean
    }

const refuse = (reason: string): SchemaVerdict => ({ refused: reason })

/** Why a mark may not go on text in this node; its value is null (the mark ends) or the mark's attributes. */
export function markProblem(rule: NodeRule | undefined, content: Y.ContentFormat): string | null {
  if (!rule?.marks.has(content.key)) return `The mark "${content.key}" is not allowed here.`
  const value: unknown = content.value
  if (value === null) return null
  const mark = rule.type.schema.marks[content.key]!
  const allowed = Object.keys(mark.spec.attrs ?? {})
  if (typeof value !== 'object' || Array.isArray(value) || Object.keys(value).some((key) => !allowed.includes(key))) {
    return `The mark "${content.key}" has attributes it does not take.`
  }
  return null
}

function ruleOf(container: Container): NodeRule | undefined {
  if (container.kind === 'root') return container.name === DECLARATION_FRAGMENT ? documentRule : undefined
  return container.kind === 'element' ? declarationRules.get(container.name) : undefined
}

/** Why one new item, in its place, breaks the schema; null when it does not. */
function itemProblem(item: Y.Item, container: Container, sub: string | null): string | null {
  const { content } = item
  if (container.kind === 'root' && container.name !== DECLARATION_FRAGMENT) return 'The change is outside the declaration text.'
  if (container.kind === 'text') {
    if (sub !== null) return 'Text takes no attributes.'
    if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null
    if (content instanceof Y.ContentFormat) return markProblem(container.outer ? ruleOf(container.outer) : undefined, content)
    return 'Text may hold only characters and marks.'
  }
  const rule = ruleOf(container)
  if (!rule) return `"${container.name}" is not part of the editor schema.`
  if (sub !== null) {
    const valid = rule.attributes.get(sub)
    if (!valid) return `"${rule.type.name}" has no attribute "${sub}".`
    if (content instanceof Y.ContentDeleted) return null
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !valid(content.arr[0])) {
      return `The value of "${sub}" on "${rule.type.name}" is not allowed.`
    }
    return null
  }
  if (content instanceof Y.ContentDeleted) return null
  if (!(content instanceof Y.ContentType)) return `"${rule.type.name}" may hold only elements and text.`
  const { type } = content
  const name = type instanceof Y.XmlElement ? type.nodeName : type instanceof Y.XmlText ? 'text' : null
  if (name === null || (type instanceof Y.XmlElement && declarationRules.get(name)?.type.isText !== false)) {
    return 'The element is not part of the editor schema.'
  }
  if (!rule.children.has(name)) return `"${rule.type.name}" may not hold "${name}".`
  return null
}

/** True when an item of the top level lies after the title: it has a live item at or before it. */
function afterTitle(item: Y.Item | null): boolean {
  for (let at = item; at; at = at.left) if (!at.deleted) return true
  return false
}

const isElement = (item: Y.Item, name?: string): boolean =>
  item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement && (name === undefined || item.content.type.nodeName === name)

/** What the update deletes that the whole-document rules care about. */
interface Deletions {
  /** New items the update itself deletes: they never become live. */
  dead: Set<Y.Item>
  /** Titles it deletes, and how many of them are live now. */
  titles: number
  liveTitles: number
  /** Keys of live clauses it deletes, and of live clauses whose id it deletes. */
  clauses: Set<string>
  lostIds: Set<string>
  /** Keys of clauses a value of whose id it deletes, live or already replaced: an editor moving ids between clauses. */
  movedIds: Set<string>
  reshaped: Map<string, Y.ID | 'root'>
  /** It deletes something live outside the declaration text (the labels only the server writes). */
  outside: boolean
}

/** The root type an item lies in. */
function rootOf(type: SharedType): SharedType {
  let at = type
  while (at._item) at = at._item.parent as SharedType
  return at
}

function deletionsOf(index: DeclarationIndex, items: UpdateItems, updates: DecodedUpdate[]): Deletions {
  const found: Deletions = { dead: new Set(), titles: 0, liveTitles: 0, clauses: new Set(), lostIds: new Set(), movedIds: new Set(), reshaped: new Map(), outside: false }
  for (const { ds } of updates) {
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        for (let at = clock; at < clock + len; ) {
          const id = Y.createID(client, at)
          const known = items.existing(id)
          const item = known ?? items.freshItem(id)
          // What is neither here nor in the update waits in Yjs until it arrives.
          if (!item) break
          at = item.id.clock + item.length
          if (!(item instanceof Y.Item)) continue
          if (!known) found.dead.add(item)
          else noteDeleted(index, item, found)
        }
      }
    }
  }
  return found
}

function noteDeleted(index: DeclarationIndex, item: Y.Item, found: Deletions): void {
  const { parent } = item
  if (parent === index.root && (isElement(item, 'title') || index.formerTitles.has(itemKey(item.id)))) {
    found.titles += 1
    if (!item.deleted) found.liveTitles += 1
  }
  if (parent instanceof Y.XmlElement && parent.nodeName === 'clause' && item.parentSub === 'id') found.movedIds.add(itemKey(parent._item!.id))
  if (item.deleted || !(parent instanceof Y.AbstractType)) return
  if (rootOf(parent) !== index.root) found.outside = true
  if (item.parentSub === null && (parent === index.root || parent instanceof Y.XmlElement)) {
    found.reshaped.set(parent._item ? itemKey(parent._item.id) : 'root', parent._item?.id ?? 'root')
  }
  if (parent === index.root && isElement(item, 'clause')) found.clauses.add(itemKey(item.id))
  if (parent instanceof Y.XmlElement && parent.nodeName === 'clause' && item.parentSub === 'id') found.lostIds.add(itemKey(parent._item!.id))
}

/**
 * Checks an update against the editor schema before any of it is applied, looking only at what it touches: the
 * names, attributes, marks and places of the items it adds, the titles and clause ids it adds or deletes, and the
 * index of the whole declaration's titles and ids. Items whose place is not known yet wait in Yjs and are checked
 * when they come in with a later update.
 */
export function checkUpdateSchema(index: DeclarationIndex, updates: DecodedUpdate[]): SchemaVerdict {
  const items = new UpdateItems(index.doc, updates)
  const deleted = deletionsOf(index, items, updates)
  const { dead, reshaped } = deleted
  if (deleted.outside) return refuse('The change is outside the declaration text.')
  let needsCopy = false
  /** True when the update changes what the server has already collected (an id moved off a clause deleted meanwhile). */
  let buildsOnCollected = false
  let newTitles = 0
  const newClauses: Y.Item[] = []
  /** New ids by the key of the clause they go on. */
  const newIds = new Map<string, string>()
  /** True when a clause is deleted, or deleted by this update: what goes into it is deleted with it. */
  const isGone = (id: Y.ID): boolean => {
    const known = items.existing(id)
    if (known) return known.deleted || deleted.clauses.has(itemKey(id))
    const fresh = items.freshItem(id)
    return fresh === null || dead.has(fresh)
  }
  const firstness = new Map<Y.Item, boolean>()
  const landsAfterTitle = (item: Y.Item): boolean => {
    const known = firstness.get(item)
    if (known !== undefined) return known
    firstness.set(item, false)
    let after = isElement(item, 'title') && !dead.has(item)
    if (!after && item.origin !== null) {
      const origin = items.existing(item.origin)
      const fresh = origin ? null : items.freshItem(item.origin)
      after = origin instanceof Y.Item ? afterTitle(origin) : fresh !== null && landsAfterTitle(fresh)
    }
    firstness.set(item, after)
    return after
  }

  for (const item of items.items()) {
    const placement = items.placement(item)
    // Discarded by Yjs (its container is gone), or parked until what it builds on arrives.
    if (placement === 'gone') buildsOnCollected = true
    if (typeof placement === 'string') continue
    const { container, sub } = placement
    const problem = itemProblem(item, container, sub)
    if (problem) return refuse(problem)
    const live = !dead.has(item) && !(item.content instanceof Y.ContentDeleted)
    if (sub === null && (container.kind === 'root' || container.kind === 'element')) {
      reshaped.set(container.id ? itemKey(container.id) : 'root', container.id ?? 'root')
      if (live && isElement(item)) reshaped.set(itemKey(item.id), item.id)
    }
    if (container.kind === 'root' && sub === null && live) {
      if (isElement(item, 'title')) {
        if (item.origin !== null) return refuse('The title must come first.')
        newTitles += 1
        // Where a new title lands among concurrent ones is decided on a copy.
        needsCopy = true
      } else if (!landsAfterTitle(item)) return refuse('Only the title may come first.')
      if (isElement(item, 'clause')) newClauses.push(item)
    }
    if (container.kind === 'element' && container.name === 'clause' && sub === 'id' && container.id && !isGone(container.id)) {
      const clause = itemKey(container.id)
      // Which of several values of one key wins, when one is deleted, is decided on a copy.
      if (!live) needsCopy = true
      else {
        const id = (item.content as Y.ContentAny).arr[0] as string
        for (const [other, value] of newIds) if (value === id && other !== clause) return refuse(`Two clauses would have the id "${id}".`)
        newIds.set(clause, id)
      }
    }
  }

  if (newTitles > deleted.titles || index.titles.size - deleted.liveTitles + newTitles < 1) return refuse('A declaration has exactly one title.')
  for (const clause of newClauses) if (!newIds.has(itemKey(clause.id))) return refuse('Every clause needs an id.')
  for (const clause of deleted.lostIds) {
    if (!deleted.clauses.has(clause) && !newIds.has(clause) && !needsCopy) return refuse('Every clause needs an id.')
  }
  // The editor binding moves ids between clauses when it writes a split or a join (an existing clause takes the id of
  // the one it absorbed, or a new one takes the id of the clause it split from). Concurrent moves can meet on one id:
  // then the clause that held it keeps it and the one the update gives it to is renumbered after the merge, so an id
  // can never be taken from its clause. A new clause taking an id while no id moves is refused. (A move off a clause
  // deleted meanwhile shows only as a change to what the server has collected: its old id is gone.)
  const fresh = new Set(newClauses.map((item) => itemKey(item.id)))
  const movesIds = buildsOnCollected || [...deleted.movedIds].some((clause) => !fresh.has(clause))
  for (const [clause, id] of newIds) {
    if (!fresh.has(clause) || movesIds) continue
    for (const holder of index.holders(id).keys()) {
      const freed = deleted.clauses.has(holder) || newIds.has(holder) || deleted.lostIds.has(holder)
      if (holder !== clause && !freed) return refuse(`The clause id "${id}" is already in use.`)
    }
  }
  return { refused: null, reshaped: [...reshaped.values()], renumbered: [...newIds.keys()], needsCopy }
}

/**
 * What an update's result breaks at the top level, found by applying it to a copy of the document: for the rare
 * updates whose effect depends on how Yjs orders concurrent items (a new title, a deleted value of a clause id).
 */
export function checkOnCopy(doc: Y.Doc, apply: (copy: Y.Doc) => void): string | null {
  const copy = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    apply(copy)
    const children = copy.getXmlFragment(DECLARATION_FRAGMENT).toArray()
    if (!(children[0] instanceof Y.XmlElement) || children[0].nodeName !== 'title') return 'The title must come first.'
    for (const child of children) {
      if (child instanceof Y.XmlElement && child.nodeName === 'clause' && !declarationRules.get('clause')!.attributes.get('id')!(child.getAttribute('id'))) {
        return 'Every clause needs an id.'
      }
    }
    return null
  } finally {
    copy.destroy()
  }
}
