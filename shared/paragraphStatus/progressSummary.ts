import { z } from 'zod'
import type { ClauseKind } from '../editor/clauseKind.js'
import type { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** How many paragraphs of one kind stand at each status. */
export const StatusCounts = z.object({ open: z.number().int(), 'ad-referendum': z.number().int(), agreed: z.number().int() })
export type StatusCounts = z.infer<typeof StatusCounts>

/** How far a text is from agreement: paragraphs per kind and status, pending amendments, and square brackets. */
export const ProgressSummary = z.object({
  kinds: z.object({ preambular: StatusCounts, operative: StatusCounts }),
  /** Null for a version frozen before pending amendments were recorded with it. */
  pendingAmendments: z.number().int().nullable(),
  /** Square brackets left and in how many paragraphs; null where brackets are not counted. */
  brackets: z.object({ count: z.number().int(), paragraphs: z.number().int() }).nullable(),
})
export type ProgressSummary = z.infer<typeof ProgressSummary>

/** The summary of one frozen version, for the chart of rounds. */
export const VersionProgress = z.object({ id: z.string(), seq: z.number().int(), name: z.string(), summary: ProgressSummary })
export type VersionProgress = z.infer<typeof VersionProgress>

const none = (): StatusCounts => ({ open: 0, 'ad-referendum': 0, agreed: 0 })

/** Counts paragraphs per kind and status; a paragraph without a status (or without an id) is open. */
export function summarizeProgress(
  paragraphs: readonly { clauseId: string | null; kind: ClauseKind }[],
  statusOf: (clauseId: string) => ParagraphStatus | undefined,
  pendingAmendments: number | null,
  brackets: ProgressSummary['brackets'] = null,
): ProgressSummary {
  const kinds: Record<ClauseKind, StatusCounts> = { preambular: none(), operative: none() }
  for (const paragraph of paragraphs) kinds[paragraph.kind][(paragraph.clauseId && statusOf(paragraph.clauseId)) || 'open'] += 1
  return { kinds, pendingAmendments, brackets }
}
