import type { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** How a status reads on screen: a symbol and a word, so colour is never the only cue. */
export const statusLabel: Record<ParagraphStatus, { symbol: string; word: string; long: string }> = {
  open: { symbol: '○', word: 'Open', long: 'open' },
  'ad-referendum': { symbol: '◐', word: 'Ad ref.', long: 'agreed ad referendum' },
  agreed: { symbol: '✓', word: 'Agreed', long: 'agreed' },
}

/** "✓ Agreed". */
export function statusBadgeText(status: ParagraphStatus): string {
  return `${statusLabel[status].symbol} ${statusLabel[status].word}`
}
