import { z } from 'zod'
import { Delegation } from '../api/schemas.js'
import { Author } from '../comments/commentSchemas.js'
import { EncodedPosition } from '../comments/commentSchemas.js'
import { clauseIdPattern } from '../editor/clauseId.js'
import { ClauseKind } from '../editor/clauseKind.js'

/** Longest run of proposed words, in characters. */
export const MAX_RUN_LENGTH = 4000
/** Most spans one amendment may change in its paragraph. */
export const MAX_SPANS = 20

/** A paragraph's stable id. */
export const ClauseIdInput = z.string().regex(clauseIdPattern, 'validation.paragraph_id')

/** One run of proposed words with the editor schema's marks; plain text, never HTML. */
export const InlineRun = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(MAX_RUN_LENGTH)
    .regex(/^[^\p{Cc}]*$/u, 'validation.control_or_breaks')
    .transform((text) => text.normalize('NFC')),
  marks: z.array(z.enum(['bold', 'italic'])).max(2).default([]),
})
export type InlineRun = z.infer<typeof InlineRun>

/** Inline content a paragraph may hold: runs of text with marks. */
export const InlineContent = z.array(InlineRun).max(50)
export type InlineContent = z.infer<typeof InlineContent>

/** A span of the paragraph as a client marks it: relative positions, empty for a pure insertion, and its new words. */
export const SpanInput = z.strictObject({ start: EncodedPosition, end: EncodedPosition, content: InlineContent })
export type SpanInput = z.infer<typeof SpanInput>

/** A span as stored: its positions, the words it covered when proposed, and the words proposed instead. */
export const SpanChange = SpanInput.extend({ original: z.string() })
export type SpanChange = z.infer<typeof SpanChange>

/** The text a change was made against, with its SHA-256 (hex). */
export const AgainstText = z.object({ text: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
export type AgainstText = z.infer<typeof AgainstText>

const justification = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(?:[^\p{Cc}]|[\n\t])*$/u, 'validation.control_except_breaks')
  .transform((text) => text.normalize('NFC'))
  .default('')

/** What an amendment proposes, as a client sends it. */
export const ChangeInput = z.discriminatedUnion('kind', [
  /** Replace, insert or delete words in one paragraph. */
  z.strictObject({ kind: z.literal('words'), clauseId: ClauseIdInput, spans: z.array(SpanInput).min(1).max(MAX_SPANS) }),
  /** A new paragraph after a given one. */
  z.strictObject({ kind: z.literal('paragraph.insert'), after: ClauseIdInput, clauseKind: ClauseKind, content: InlineContent.min(1) }),
  z.strictObject({ kind: z.literal('paragraph.delete'), clauseId: ClauseIdInput }),
  /** Move a paragraph to just after another. */
  z.strictObject({ kind: z.literal('paragraph.move'), clauseId: ClauseIdInput, after: ClauseIdInput }),
])
export type ChangeInput = z.infer<typeof ChangeInput>

/** What an amendment proposes, as the server stored it: with the text it was made against. */
export const AmendmentChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('words'), clauseId: z.string(), against: AgainstText, spans: z.array(SpanChange) }),
  z.object({ kind: z.literal('paragraph.insert'), after: z.string(), clauseKind: ClauseKind, content: InlineContent }),
  z.object({ kind: z.literal('paragraph.delete'), clauseId: z.string(), against: AgainstText }),
  z.object({ kind: z.literal('paragraph.move'), clauseId: z.string(), after: z.string(), against: AgainstText }),
])
export type AmendmentChange = z.infer<typeof AmendmentChange>

/** Body of POST /api/declarations/:name/amendments. */
export const NewAmendmentBody = z.strictObject({ change: ChangeInput, justification })

/** Body of PATCH /api/declarations/:name/amendments/:number: the whole proposal again, against the text as it is now. */
export const EditAmendmentBody = NewAmendmentBody

/** Body of POST .../accept-revised: the moderator's wording, applied as it is given. */
export const AcceptRevisedBody = z.strictObject({ change: ChangeInput })

/** Body of POST .../reject. */
export const RejectBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).regex(/^(?:[^\p{Cc}]|[\n\t])*$/u, 'validation.control_except_breaks'),
})

/** How a delegation stands on an amendment; each holds at most one. */
export const Stance = z.enum(['co-sponsor', 'supporter', 'opposer'])
export type Stance = z.infer<typeof Stance>

/** Body of PUT .../stance: the delegation comes from the session, so only the stance is sent. */
export const StanceBody = z.strictObject({ stance: Stance })

/** Where an amendment stands. */
export const AmendmentStatus = z.enum(['pending', 'accepted', 'accepted-as-revised', 'rejected', 'withdrawn', 'needs-update', 'not-taken-up'])
export type AmendmentStatus = z.infer<typeof AmendmentStatus>

/** How a declaration's text may change: typed by editors, or only through amendments. */
export const DraftingMode = z.enum(['open', 'negotiation'])
export type DraftingMode = z.infer<typeof DraftingMode>

/** Body of PUT /api/declarations/:name/mode, and its answer. */
export const ModeBody = z.strictObject({ mode: DraftingMode })

/** One delegation's stance and when it took it. */
export const StanceView = z.object({ delegation: Delegation, stance: Stance, at: z.string(), by: Author })
export type StanceView = z.infer<typeof StanceView>

/** An amendment as every client sees it. */
export const AmendmentView = z.object({
  /** Also the id of its discussion thread, once one is opened (POST .../amendments/:number/discussion). */
  id: z.string(),
  number: z.number().int().positive(),
  /** "A7". */
  label: z.string(),
  change: AmendmentChange,
  justification: z.string(),
  proposedBy: Author,
  proposedAt: z.string(),
  status: AmendmentStatus,
  stances: z.array(StanceView),
  /** Who decided (accepted, rejected) and when; for a withdrawal, who withdrew. */
  decidedBy: Author.nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** The wording the moderator applied, for an amendment accepted as revised. */
  revision: AmendmentChange.nullable(),
  edits: z.array(z.object({ by: Author, at: z.string() })),
  /** Raised on each stored change: a page keeps the copy with the higher one, whichever arrives last. */
  version: z.number().int().positive(),
})
export type AmendmentView = z.infer<typeof AmendmentView>
