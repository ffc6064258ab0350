import type { DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'

/** Each drafting mode's name. */
export const modeName: Record<DraftingMode, string> = { open: 'Open drafting', negotiation: 'Negotiation' }

/** What each drafting mode means for the text. */
export const modeMeaning: Record<DraftingMode, string> = {
  open: 'editors type in the text',
  negotiation: 'the text changes only through amendments',
}
