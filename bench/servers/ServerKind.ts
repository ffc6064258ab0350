/** The servers the bench runs: the three it compares, and the floor it calibrates latency against. */
export type ServerKind = 'kelisim' | 'reference' | 'hocuspocus' | 'floor'

/** The servers every scenario compares, in the order runs alternate. */
export const SERVER_KINDS: readonly ServerKind[] = ['kelisim', 'reference', 'hocuspocus']

/** Kelisim's peers: the better of them is what Kelisim's targets are set against. */
export const PEER_KINDS: readonly ServerKind[] = ['reference', 'hocuspocus']

/** What propagation runs by default: the compared servers and the floor. */
export const PROPAGATION_KINDS: readonly ServerKind[] = [...SERVER_KINDS, 'floor']

/** How each server is named in the report. */
export const SERVER_LABELS: Record<ServerKind, string> = {
  kelisim: 'Kelisim',
  reference: 'y-websocket reference',
  hocuspocus: 'Hocuspocus',
  floor: 'floor (relay doing no work)',
}
