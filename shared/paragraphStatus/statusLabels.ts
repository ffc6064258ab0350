import type { ParagraphStatus } from '../versions/negotiationSnapshot.js'

/** The symbol shown beside a status's word, so colour is never the only cue; the words are in the catalogues. */
export const statusSymbol: Record<ParagraphStatus, string> = {
  open: '○',
  'ad-referendum': '◐',
  agreed: '✓',
}

/** A status as the audit log's English phrase ("agreed ad referendum"), as the log records it. */
export const statusLabel: Record<ParagraphStatus, { long: string }> = {
  open: { long: 'open' },
  'ad-referendum': { long: 'agreed ad referendum' },
  agreed: { long: 'agreed' },
}
