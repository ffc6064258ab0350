/** The servers the bench compares. */
export type ServerKind = 'kelisim' | 'reference' | 'hocuspocus'

/** Every server, in the order runs alternate. */
export const SERVER_KINDS: readonly ServerKind[] = ['kelisim', 'reference', 'hocuspocus']

/** How each server is named in the report. */
export const SERVER_LABELS: Record<ServerKind, string> = {
  kelisim: 'Kelisim',
  reference: 'y-websocket reference',
  hocuspocus: 'Hocuspocus',
}
