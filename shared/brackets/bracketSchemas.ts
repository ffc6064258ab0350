import { z } from 'zod'
import { multilineText } from '../api/schemas.js'
import { Anchor } from '../comments/commentSchemas.js'
import { ClauseIdInput } from '../negotiation/amendmentSchemas.js'

/** Most delegations one bracket or formulation names. */
export const MAX_DELEGATIONS = 40
/** Most formulations one set of alternatives holds. */
export const MAX_OPTIONS = 10
/** Longest formulation, in characters. */
export const MAX_OPTION_LENGTH = 4000

/** Delegation codes, each named once: the delegations that asked for a bracket or proposed a formulation. */
const Delegations = z
  .array(z.string().regex(/^[A-Z]{2,8}$/, 'Delegations are named by their code, such as KAZ.'))
  .min(1, 'Name at least one delegation.')
  .max(MAX_DELEGATIONS)
  .refine((codes) => new Set(codes).size === codes.length, 'Name each delegation once.')

/** One formulation of a set of alternatives: plain words on one line, and who proposed them. */
export const AlternativeOption = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'A formulation cannot be empty.')
    .max(MAX_OPTION_LENGTH, `A formulation is at most ${MAX_OPTION_LENGTH} characters.`)
    .regex(/^[^\p{Cc}]*$/u, 'A formulation cannot contain control characters or line breaks.')
    .transform((text) => text.normalize('NFC')),
  proposedBy: Delegations,
})
export type AlternativeOption = z.infer<typeof AlternativeOption>

/** Where a bracket or a set of alternatives goes: a paragraph, and a span of its text (absent for the whole paragraph). */
const Placement = { clauseId: ClauseIdInput, anchor: Anchor.optional() }

/** Body of POST /api/declarations/:name/brackets: a square bracket, or a set of alternatives. */
export const NewBracketBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('bracket'),
    ...Placement,
    requestedBy: Delegations,
    reason: z.string().trim().max(1000, 'A reason is at most 1000 characters.').regex(multilineText, 'A reason cannot contain control characters other than line breaks.').transform((text) => text.normalize('NFC')).default(''),
  }),
  z.strictObject({ kind: z.literal('alternatives'), ...Placement, options: z.array(AlternativeOption).min(2, 'Alternatives need at least two formulations.').max(MAX_OPTIONS) }),
])
export type NewBracketBody = z.infer<typeof NewBracketBody>
/** What a client sends to place one (the reason may be left out). */
export type NewBracketInput = z.input<typeof NewBracketBody>

/**
 * Body of POST .../brackets/:id/resolve: lift the bracket (or drop the alternatives) keeping the text, delete the
 * bracketed words, or write one formulation (1 for Alt 1) in place of the span.
 */
export const ResolveBracketBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('lift') }),
  z.strictObject({ action: z.literal('delete-text') }),
  z.strictObject({ action: z.literal('choose'), option: z.number().int().min(1).max(MAX_OPTIONS) }),
])
export type ResolveBracketBody = z.infer<typeof ResolveBracketBody>

/** Who placed or resolved something, as they were named then; `delegation` is the delegation's code. */
export const BracketPerson = z.object({ id: z.string(), name: z.string(), delegation: z.string() })

/** What the fields of a bracket and a set of alternatives share. */
const Placed = {
  id: z.string(),
  clauseId: z.string(),
  /** Null when it covers the whole paragraph, however its text changes. */
  anchor: Anchor.nullable(),
  /** The words it covered when it was placed, as the server read them. */
  quote: z.string(),
  placedBy: BracketPerson,
  placedAt: z.string(),
  resolvedBy: BracketPerson.nullable(),
  resolvedAt: z.string().nullable(),
  /** 1 when placed, raised with each stored change: a page keeps whichever copy is newer, answer or push. */
  version: z.number().int().nonnegative(),
}

/** A square bracket, as stored and as every client sees it. */
export const BracketRecord = z.object({
  kind: z.literal('bracket'),
  ...Placed,
  requestedBy: z.array(z.string()),
  reason: z.string(),
  status: z.enum(['open', 'lifted', 'text-deleted']),
})
export type BracketRecord = z.infer<typeof BracketRecord>

/** A set of alternative formulations of a span or a paragraph, as stored and as every client sees it. */
export const AlternativesRecord = z.object({
  kind: z.literal('alternatives'),
  ...Placed,
  options: z.array(z.object({ text: z.string(), proposedBy: z.array(z.string()) })),
  status: z.enum(['open', 'lifted', 'chosen']),
  /** The formulation chosen (1 for Alt 1), once one is. */
  chosen: z.number().int().positive().nullable(),
})
export type AlternativesRecord = z.infer<typeof AlternativesRecord>

/** A bracket or a set of alternatives. */
export const BracketItem = z.discriminatedUnion('kind', [BracketRecord, AlternativesRecord])
export type BracketItem = z.infer<typeof BracketItem>
