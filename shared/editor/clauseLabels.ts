import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { ClauseKind, clauseLabelPrefix } from './clauseKind.js'

/** A clause of the declaration as read from the document, numbered by its position. */
export interface LabelledClause {
  id: string | null
  kind: ClauseKind
  /** PP1, PP2, ... and OP1, OP2, ..., counted separately in document order. */
  label: string
  /** Position of the clause node in the document. */
  pos: number
  node: ProseMirrorNode
}

/** Numbers every clause from its position; the only place labels are derived. */
export function labelClauses(doc: ProseMirrorNode): LabelledClause[] {
  const counts: Record<ClauseKind, number> = { preambular: 0, operative: 0 }
  const clauses: LabelledClause[] = []
  doc.forEach((node, pos) => {
    if (node.type.name !== 'clause') return
    const kind = ClauseKind.catch('operative').parse(node.attrs.kind)
    counts[kind] += 1
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : null
    clauses.push({ id, kind, label: `${clauseLabelPrefix[kind]}${counts[kind]}`, pos, node })
  })
  return clauses
}
