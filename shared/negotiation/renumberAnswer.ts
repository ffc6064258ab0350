import { z } from 'zod'

/** The answer to POST /api/declarations/:name/labels/renumber: every label that changed, old and new. */
export const RenumberAnswer = z.object({
  changes: z.array(z.object({ clauseId: z.string(), from: z.string(), to: z.string() })),
})
export type RenumberAnswer = z.infer<typeof RenumberAnswer>
