import { bracketsProgress, frozenBracketCount } from '../../../../shared/brackets/frozenBrackets.js'
import { ClauseKind } from '../../../../shared/editor/clauseKind.js'
import { frozenStatusesOf, frozenStatusMap } from '../../../../shared/paragraphStatus/frozenStatuses.js'
import { summarizeProgress, type VersionProgress } from '../../../../shared/paragraphStatus/progressSummary.js'
import type { CanonicalText } from '../../../../shared/versions/canonicalText.js'
import type { VersionRecord } from '../../store/Store.js'

/** The progress summary of a frozen version: its paragraphs by kind and frozen status, and the amendments pending then. */
export function versionProgress(record: VersionRecord): VersionProgress {
  const text = JSON.parse(record.serialized) as CanonicalText
  const paragraphs = text.blocks.flatMap((block) => (block.type === 'clause' ? [{ clauseId: block.id, kind: ClauseKind.catch('operative').parse(block.kind) }] : []))
  const statuses = frozenStatusMap(frozenStatusesOf(text))
  const pending = record.pendingAmendments ? (JSON.parse(record.pendingAmendments.serialized) as { amendments: unknown[] }).amendments.length : null
  // Versions frozen before the state was captured (form 1) have no brackets to count.
  const brackets = text.negotiation ? bracketsProgress(frozenBracketCount(text.negotiation)) : null
  return { id: record.id, seq: record.seq, name: record.name, summary: summarizeProgress(paragraphs, (clauseId) => statuses.get(clauseId), pending, brackets) }
}
