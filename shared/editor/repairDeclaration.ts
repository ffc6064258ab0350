import { Fragment, type Node as ProseMirrorNode, type NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { clauseIdPattern } from './clauseId.js'
import { DeclarationIndex } from './DeclarationIndex.js'
import { declarationSchema } from './declarationExtensions.js'
import { declarationRules, documentRule, type NodeRule } from './schemaRules.js'
import { itemKey, type SharedType } from './updateItems.js'
import { markProblem } from './updateSchemaCheck.js'

/** Which parts to look at: the whole declaration, or the containers an update reshaped (and the ids it added). */
export type RepairScope = { whole: true } | { whole: false; containers: SharedType[]; renumbered: string[] }

/** A clause id derived from a seed: the same on every server for the same document. */
export function derivedClauseId(seed: string): string {
  // FNV-1a, twice with different offsets, for 12 base-36 characters.
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let index = 0; index < seed.length; index += 1) {
    a = Math.imul(a ^ seed.charCodeAt(index), 0x01000193) >>> 0
    b = Math.imul(b ^ seed.charCodeAt(index), 0x811c9dc5) >>> 0
  }
  return (a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0')).slice(0, 12)
}

const plainText = (element: Y.XmlElement): string =>
  element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toDelta().map((part: { insert: unknown }) => (typeof part.insert === 'string' ? part.insert : '')).join('') : ''))
    .join('')

/** A ProseMirror node as the Yjs binding stores it. */
function toY(node: ProseMirrorNode): Y.XmlElement | Y.XmlText {
  if (node.isText) return new Y.XmlText(node.text ?? '')
  const element = new Y.XmlElement(node.type.name)
  for (const [key, value] of Object.entries(node.attrs)) if (value !== null) element.setAttribute(key, value as string)
  const children: (Y.XmlElement | Y.XmlText)[] = []
  node.forEach((child) => children.push(toY(child)))
  element.insert(0, children)
  return element
}

const nameOf = (item: Y.Item): string =>
  item.content instanceof Y.ContentType ? (item.content.type instanceof Y.XmlElement ? item.content.type.nodeName : 'text') : 'content'

/**
 * Finds, and when `fix` is set repairs, what breaks the editor schema: unknown or misplaced elements, attributes and
 * marks, titles that are not one and first, lists left empty, clauses without a valid unique id. Repairs are
 * deterministic (they depend only on the document), so every server gets the same text. Returns what it found.
 */
export function repairDeclaration(index: DeclarationIndex, fix: boolean, scope: RepairScope): string[] {
  const notes: string[] = []
  const { doc, root } = index
  const remove = (item: Y.Item, note: string) => {
    notes.push(note)
    if (fix) Y.transact(doc, (transaction) => item.delete(transaction))
  }

  /** Repairs one container's children; true when it is left empty and its content needs children. */
  const repairChildren = (type: SharedType, rule: NodeRule, deep: boolean): boolean => {
    const kept: { item: Y.Item; type: NodeType }[] = []
    for (let item = type._start; item; item = item.right) {
      if (item.deleted) continue
      const child = item.content instanceof Y.ContentType ? item.content.type : null
      const childRule = child instanceof Y.XmlElement ? declarationRules.get(child.nodeName) : child instanceof Y.XmlText ? declarationRules.get('text') : undefined
      if (!childRule || (child instanceof Y.XmlElement && childRule.type.isText) || !rule.children.has(childRule.type.name)) {
        remove(item, `removed ${nameOf(item)} from ${rule.type.name}`)
        continue
      }
      if (deep && child instanceof Y.XmlElement && !repairElement(child, childRule)) {
        remove(item, `removed empty ${child.nodeName}`)
        continue
      }
      if (deep && child instanceof Y.XmlText) repairText(child, rule)
      kept.push({ item, type: childRule.type })
    }
    let match = rule.type.contentMatch
    let start = 0
    if (type === root) {
      repairTitle(kept)
      match = match.matchType(declarationSchema.nodes.title!)!
      start = 1
    }
    for (const { item, type: childType } of kept.slice(start)) {
      const next = match.matchType(childType)
      if (next) match = next
      else remove(item, `removed misplaced ${childType.name} from ${rule.type.name}`)
    }
    if (match.validEnd) return true
    if (type !== root && kept.length === 0) return false
    const fill = match.fillBefore(Fragment.empty, true)
    notes.push(`filled ${rule.type.name} with ${fill?.childCount ?? 0} empty node(s)`)
    if (fix && fill) {
      const seed = type._item ? itemKey(type._item.id) : 'root'
      const nodes: (Y.XmlElement | Y.XmlText)[] = []
      fill.forEach((node) => nodes.push(toY(node.type.name === 'clause' ? node.type.create({ ...node.attrs, id: derivedClauseId(`fill ${seed}`) }) : node)))
      ;(type as Y.XmlFragment).insert((type as Y.XmlFragment).length, nodes)
    }
    return true
  }

  /** One title, first: the first one stays if it is first, otherwise a title with its text takes the first place. */
  const repairTitle = (kept: { item: Y.Item; type: NodeType }[]) => {
    const titles = kept.filter(({ type }) => type.name === 'title')
    const firstIsTitle = kept[0]?.type.name === 'title'
    for (const { item } of titles.slice(firstIsTitle ? 1 : 0)) remove(item, 'removed a title that was not the first')
    if (firstIsTitle) return
    notes.push('put the title first')
    const first = titles[0]?.item.content
    const text = first instanceof Y.ContentType && first.type instanceof Y.XmlElement ? plainText(first.type) : ''
    if (fix) root.insert(0, [toY(declarationSchema.nodes.title!.create(null, text ? declarationSchema.text(text) : null))])
    kept.unshift({ item: root._start!, type: declarationSchema.nodes.title! })
  }

  /** Repairs an element's attributes and, inside it, everything; false when it is left empty but may not be. */
  const repairElement = (element: Y.XmlElement, rule: NodeRule): boolean => {
    for (const [key, value] of Object.entries(element.getAttributes())) {
      const valid = rule.attributes.get(key)
      if (valid?.(value) || (rule.type.name === 'clause' && key === 'id')) continue
      notes.push(`removed attribute ${key} from ${element.nodeName}`)
      if (fix) element.removeAttribute(key)
    }
    return repairChildren(element, rule, true)
  }

  const repairText = (text: Y.XmlText, rule: NodeRule) => {
    for (const key of Object.keys(text.getAttributes())) {
      notes.push(`removed attribute ${key} from text`)
      if (fix) text.removeAttribute(key)
    }
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || item.content instanceof Y.ContentString) continue
      if (item.content instanceof Y.ContentFormat) {
        if (markProblem(rule, item.content)) remove(item, `removed mark ${item.content.key} from ${rule.type.name}`)
      } else remove(item, `removed ${item.content.constructor.name} from text in ${rule.type.name}`)
    }
  }

  /** Of clauses sharing an id, the one that held it first keeps it (by Yjs id when that is not known). */
  const repairIds = (clauses: Y.XmlElement[], renumbered: ReadonlySet<string> = new Set()) => {
    const seen = new Set<string>()
    const late = (clause: Y.XmlElement) => (renumbered.has(itemKey(clause._item!.id)) ? 1 : 0)
    const sorted = [...clauses].sort((a, b) => late(a) - late(b) || a._item!.id.client - b._item!.id.client || a._item!.id.clock - b._item!.id.clock)
    for (const clause of sorted) {
      const id: unknown = clause.getAttribute('id')
      if (typeof id === 'string' && clauseIdPattern.test(id) && !seen.has(id)) {
        seen.add(id)
        continue
      }
      let fresh = derivedClauseId(itemKey(clause._item!.id))
      while (seen.has(fresh) || index.holders(fresh).size > 0) fresh = derivedClauseId(fresh)
      seen.add(fresh)
      notes.push(`gave a clause with ${typeof id === 'string' ? `the id "${id}"` : 'no id'} the id "${fresh}"`)
      if (fix) clause.setAttribute('id', fresh)
    }
  }

  if (!scope.whole && scope.containers.length === 0 && index.duplicates().length === 0) return notes
  Y.transact(doc, () => {
    if (scope.whole) {
      repairChildren(root, documentRule, true)
      repairIds(root.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'clause'))
      return
    }
    const queue = [...scope.containers]
    for (let container = queue.shift(); container; container = queue.shift()) {
      if (container._item?.deleted) continue
      const rule = container === root ? documentRule : container instanceof Y.XmlElement ? declarationRules.get(container.nodeName) : undefined
      if (!rule || rule.type.inlineContent) continue
      if (container === root && rootLooksWhole(index)) continue
      if (repairChildren(container, rule, false) || !container._item) continue
      // An emptied list goes, and the container that held it is looked at again.
      remove(container._item, `removed empty ${rule.type.name}`)
      if (container._item.parent instanceof Y.AbstractType) queue.push(container._item.parent)
    }
    const renumbered = new Set(scope.renumbered)
    for (const [, holders] of index.duplicates()) repairIds(holders, renumbered)
  }, 'schema-repair')
  return notes
}

/** The top level's rules, checked from the index: one title, first, and something after it. */
function rootLooksWhole(index: DeclarationIndex): boolean {
  let first = index.root._start
  while (first?.deleted) first = first.right
  return index.titles.size === 1 && first !== null && index.titles.has(itemKey(first.id)) && index.root.length > 1
}

/** What in a declaration breaks the editor schema, found without changing anything. */
export function declarationProblems(doc: Y.Doc): string[] {
  const index = new DeclarationIndex(doc)
  try {
    return repairDeclaration(index, false, { whole: true })
  } finally {
    index.destroy()
  }
}
