import { z } from 'zod'
import { Author } from '../comments/commentSchemas.js'
import { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** Body of PUT /api/declarations/:name/paragraph-statuses/:clauseId. */
export const SetStatusBody = z.strictObject({
  status: ParagraphStatus,
  /** Marking agreed: close the paragraph's pending amendments as "not taken up" in the same step. */
  notTakenUp: z.boolean().default(false),
})
export type SetStatusBody = z.infer<typeof SetStatusBody>

/** A paragraph's status as every client sees it; a paragraph without one is open. */
export const ParagraphStatusView = z.object({
  clauseId: z.string(),
  status: ParagraphStatus,
  setBy: Author,
  setAt: z.string(),
  version: z.number().int().nonnegative(),
})
export type ParagraphStatusView = z.infer<typeof ParagraphStatusView>
