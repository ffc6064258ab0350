import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { LabelledClause } from '../editor/clauseLabels.js'

/**
 * The labels of the closed paragraphs of the live text that a whole new text would change or remove (their words,
 * notes, formatting or kind); a closed paragraph kept as it is, even in another place, is left alone.
 */
export function closedChangedBy(live: readonly LabelledClause[], target: ProseMirrorNode, closed: ReadonlySet<string>): string[] {
  if (closed.size === 0) return []
  const targetById = new Map<string, ProseMirrorNode>()
  target.forEach((node) => {
    if (node.type.name === 'clause' && typeof node.attrs.id === 'string') targetById.set(node.attrs.id, node)
  })
  return live
    .filter((clause) => {
      if (clause.id === null || !closed.has(clause.id)) return false
      const kept = targetById.get(clause.id)
      return !kept || kept.attrs.kind !== clause.node.attrs.kind || !kept.content.eq(clause.node.content)
    })
    .map((clause) => clause.label)
}
