import type { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** The symbol shown beside a status's word, so colour is never the only cue; the words are in the catalogues. */
export const statusSymbol: Record<ParagraphStatus, string> = {
  open: '○',
  'ad-referendum': '◐',
  agreed: '✓',
}

