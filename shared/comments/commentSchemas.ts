import { z } from 'zod'
import { Delegation, multilineText } from '../api/schemas.js'
import { MAX_MENTIONS, withinMentionLimit } from './mentions.js'

/** Longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 4000

/** A comment body: plain text, trimmed, no control characters but line breaks and tabs. */
export const CommentBody = z
  .string()
  .trim()
  .min(1)
  .max(MAX_COMMENT_LENGTH)
  .regex(multilineText, 'validation.control_except_breaks')
  .refine(withinMentionLimit, { message: 'validation.too_many_mentions', params: { count: MAX_MENTIONS } })
  .transform((body) => body.normalize('NFC'))

/** A Yjs relative position, encoded with Y.encodeRelativePosition and base64. */
export const EncodedPosition = z.string().max(512).regex(/^[A-Za-z0-9+/]+={0,2}$/)

/** Where a thread points: a span of one paragraph's text, as relative positions that follow edits. */
export const Anchor = z.strictObject({ start: EncodedPosition, end: EncodedPosition })
export type Anchor = z.infer<typeof Anchor>

/** Body of POST /api/declarations/:name/threads. */
export const NewThreadBody = z.strictObject({
  clauseId: z.string().regex(/^[0-9a-z]{6,32}$/),
  /** Absent for a comment on the whole paragraph. */
  anchor: Anchor.optional(),
  body: CommentBody,
})

/** Body of a reply or an edit. */
export const CommentBodyInput = z.strictObject({ body: CommentBody })

/** Who wrote something, as shown beside it. */
export const Author = z.object({ id: z.string(), name: z.string(), delegation: Delegation })

/** A mention of a person (by login) or a delegation (by code). */
export const Mention = z.object({ kind: z.enum(['participant', 'delegation']), id: z.string(), label: z.string() })
export type Mention = z.infer<typeof Mention>

/** One comment in a thread. */
export const CommentView = z.object({
  id: z.string(),
  author: Author,
  body: z.string(),
  mentions: z.array(Mention),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
})
export type CommentView = z.infer<typeof CommentView>

/** A thread as every client sees it. */
export const ThreadView = z.object({
  id: z.string(),
  clauseId: z.string(),
  anchor: Anchor.nullable(),
  /** The words the thread was opened on, as the server read them then. */
  quote: z.string(),
  status: z.enum(['open', 'resolved']),
  createdBy: Author,
  createdAt: z.string(),
  resolvedBy: Author.nullable(),
  resolvedAt: z.string().nullable(),
  comments: z.array(CommentView),
  /** Raised on each stored change: a page keeps the copy with the higher one, whichever arrives last. */
  version: z.number().int().nonnegative(),
})
export type ThreadView = z.infer<typeof ThreadView>

/** Answer to GET /api/declarations/:name/mentions/read-at. */
export const MentionsReadAt = z.object({ readAt: z.string().nullable() })
