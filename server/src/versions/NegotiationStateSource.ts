import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'

/**
 * Something that knows part of a declaration's negotiation state (paragraph statuses; brackets and alternatives) and
 * gives it for a freeze. It is asked while the document is held, just before the text is read: a source that reads
 * the live document should read it in the call itself, so its spans match the text frozen with them.
 */
export interface NegotiationStateSource {
  snapshot(declaration: string): Promise<Partial<NegotiationSnapshot>>
}

/** The state every source gives, put together; with no sources, empty lists. */
export async function snapshotOf(sources: readonly NegotiationStateSource[], declaration: string): Promise<NegotiationSnapshot> {
  const parts = await Promise.all(sources.map((source) => source.snapshot(declaration)))
  return {
    statuses: parts.flatMap((part) => part.statuses ?? []),
    brackets: parts.flatMap((part) => part.brackets ?? []),
    alternatives: parts.flatMap((part) => part.alternatives ?? []),
  }
}
