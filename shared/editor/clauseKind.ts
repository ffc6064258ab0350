import { z } from 'zod'

/** UN practice: preambular paragraphs recall and recognise, operative paragraphs decide. */
export const ClauseKind = z.enum(['preambular', 'operative'])
export type ClauseKind = z.infer<typeof ClauseKind>

/** The label prefix a clause of this kind is numbered with. */
export const clauseLabelPrefix: Record<ClauseKind, string> = { preambular: 'PP', operative: 'OP' }
