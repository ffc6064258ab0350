import { z } from 'zod'

/** UN practice: preambular paragraphs recall and recognise, operative paragraphs decide. */
export const ClauseKind = z.enum(['preambular', 'operative'])
export type ClauseKind = z.infer<typeof ClauseKind>

/** The label prefix a clause of this kind is numbered with. */
export const clauseLabelPrefix: Record<ClauseKind, string> = { preambular: 'PP', operative: 'OP' }

/** The kind a clause's stored attribute means: anything but "preambular" reads as operative, as the editor shows it. */
export const clauseKindOf = (value: unknown): ClauseKind => (value === 'preambular' ? 'preambular' : 'operative')
