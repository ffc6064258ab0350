import { z } from 'zod'

/** How far a paragraph is from agreement. */
export const ParagraphStatus = z.enum(['open', 'ad-referendum', 'agreed'])
export type ParagraphStatus = z.infer<typeof ParagraphStatus>

/** A span of one paragraph as frozen: character offsets (UTF-16) into the paragraph's plain text at that moment. */
export const FrozenSpan = z.object({ clauseId: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
export type FrozenSpan = z.infer<typeof FrozenSpan>

/** A square bracket as frozen: its span, the delegations that asked for it, and why. */
export const FrozenBracket = FrozenSpan.extend({
  id: z.string(),
  requestedBy: z.array(z.string()),
  reason: z.string(),
  placedBy: z.string(),
})
export type FrozenBracket = z.infer<typeof FrozenBracket>

/** A set of alternative formulations as frozen: the span they replace (the whole paragraph when it covers it all). */
export const FrozenAlternatives = FrozenSpan.extend({
  id: z.string(),
  options: z.array(z.object({ text: z.string(), proposedBy: z.array(z.string()) })).min(2),
})
export type FrozenAlternatives = z.infer<typeof FrozenAlternatives>

/** The negotiation state a frozen version captures beside its text; its hash covers both. Sorted for a canonical form. */
export const NegotiationSnapshot = z.object({
  statuses: z.array(z.object({ clauseId: z.string(), status: ParagraphStatus })),
  brackets: z.array(FrozenBracket),
  alternatives: z.array(FrozenAlternatives),
})
export type NegotiationSnapshot = z.infer<typeof NegotiationSnapshot>
