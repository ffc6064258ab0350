import type { Metric } from '../report/BenchResults.js'
import { PEER_KINDS, type ServerKind } from '../servers/ServerKind.js'

const TEXT = '≤ 0.5× better peer'
/** Why a target is undecided when a side has only runs the load generator held back. */
export const UNJUDGED = 'cannot be judged: no unflagged run on one side'

/** What the floor means for the latency target, in the report's words. */
export const FLOOR_NOTE =
  'The floor is a relay doing no work (bench/servers/floorServer.ts): it answers sync step 1 by replaying the sync-update frames it has relayed and an empty sync step 2, and forwards every other frame unchanged to every other socket of the room, with no Yjs, written as Kelisim writes (each message framed once, one buffer per socket per turn: a floor that wrote more per socket than a server would sit above it); it keeps no document, only those frames, so that writers and receivers joining it get the text they type into. Like every server it drops awareness frames whose clocks it has already seen (the stock client re-sends each awareness change it receives), reading just the clients and clocks for that. It runs under the same pinning and load as the servers, so no server can be measured below it on this machine: where the better peer’s p99 is under 2× the floor, the “≤ 0.5× better peer” target cannot be shown here. The floor is never the better peer.'

const usable = (p99: Metric, kind: ServerKind) => p99.values[kind] !== undefined && !p99.flagged?.includes(kind)

/**
 * The better peer's p99, or null when it is not known: every peer that ran needs an unflagged run, since a peer with
 * only flagged runs might be the better one, by an amount the load generator hid.
 */
function betterPeerOf(p99: Metric): number | null {
  const ran = PEER_KINDS.filter((kind) => p99.values[kind] !== undefined)
  if (ran.length === 0 || !ran.every((kind) => usable(p99, kind))) return null
  return Math.min(...ran.map((kind) => p99.values[kind]!))
}

/**
 * The floor's p99 where it bounds what this machine can measure: from an unflagged run, and no more than twice the
 * lowest server's. A floor that far above a server doing more work is held up by its own (relaying with ws.send per
 * socket, it was CPU-bound at 1,000 connections), so it bounds nothing; one a little above is the same noise the
 * servers read, and still bounds them.
 */
export function countedFloor(p99: Metric): number | null {
  const floor = p99.values.floor
  const betterPeer = betterPeerOf(p99)
  const lowest = Math.min(...(['kelisim', ...PEER_KINDS] as const).filter((kind) => usable(p99, kind)).map((kind) => p99.values[kind]!))
  if (floor === undefined || floor <= 0 || !usable(p99, 'floor') || betterPeer === null || floor > 2 * lowest) return null
  return floor
}

/**
 * Kelisim's p99 against the better of its peers (the floor is never one), from unflagged runs only. Where the better
 * peer is within 2× of the floor, half of it lies below what this machine can measure, so the target cannot be shown.
 */
export function latencyTarget(p99: Metric): Metric['target'] {
  const ours = p99.values.kelisim
  if (ours === undefined) return undefined
  const betterPeer = betterPeerOf(p99)
  if (!usable(p99, 'kelisim') || betterPeer === null) return { text: TEXT, met: false, undecided: UNJUDGED }
  const floor = countedFloor(p99)
  if (floor !== null && betterPeer < 2 * floor) return { text: TEXT, met: false, undecided: 'cannot be shown: better peer within 2× of the floor' }
  return { text: TEXT, met: ours <= 0.5 * betterPeer }
}
