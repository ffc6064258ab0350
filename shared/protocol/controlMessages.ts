import { z } from 'zod'
import { ThreadView } from '../comments/commentSchemas.js'
import { AmendmentView, DraftingMode } from '../negotiation/amendmentSchemas.js'
import { BracketItem } from '../brackets/bracketSchemas.js'
import { SilenceView } from '../silence/silenceSchemas.js'
import { ParagraphStatusView } from '../paragraphStatus/paragraphStatusSchemas.js'

/** Version of the control channel; bumped on any incompatible change. */
export const CONTROL_PROTOCOL_VERSION = 1

/** Client -> server: "tell me when everything I sent before this is on disk". */
export const FlushRequest = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('flush'),
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
})
export type FlushRequest = z.infer<typeof FlushRequest>

/** Server -> client: everything sent before flush request `seq` is fsynced. */
export const SavedMessage = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('saved'),
  seq: z.number().int().nonnegative(),
})

/** Server -> client: writing to disk failed; changes are kept in memory and retried. */
export const SaveFailedMessage = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('save-failed'),
  message: z.string(),
})

/** Server -> client: a comment thread was created or changed; sent to everyone in the document. */
export const ThreadMessage = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('thread'),
  thread: ThreadView,
})

/** Server -> client: an amendment was proposed or changed (stored durably first); sent to everyone in the document. */
export const AmendmentMessage = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('amendment'),
  amendment: AmendmentView,
})

/** Server -> client: the drafting mode changed. */
export const ModeMessage = z.strictObject({ v: z.literal(CONTROL_PROTOCOL_VERSION), type: z.literal('mode'), mode: DraftingMode })

/** Server -> client: the draft was locked for signature on a version, or unlocked. */
export const LockMessage = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('lock'),
  locked: z.boolean(),
  version: z.object({ id: z.string(), name: z.string() }).nullable(),
})
export type LockMessage = z.infer<typeof LockMessage>

/** Server -> client: a signature was added; the signatures page reloads. */
export const SignaturesMessage = z.strictObject({ v: z.literal(CONTROL_PROTOCOL_VERSION), type: z.literal('signatures') })

/** Server -> client: a moderator replaced the live text with a stored version (a new round from it). */
export const TextReplacedMessage = z.strictObject({
  v: z.literal(CONTROL_PROTOCOL_VERSION),
  type: z.literal('text-replaced'),
  by: z.object({ name: z.string(), delegation: z.string() }),
  version: z.object({ id: z.string(), name: z.string(), seq: z.number().int().positive() }),
  at: z.string(),
})
export type TextReplacedMessage = z.infer<typeof TextReplacedMessage>

/** Server -> client: a bracket or a set of alternatives was placed or resolved (stored durably first); sent to everyone in the document. */
export const BracketsMessage = z.strictObject({ v: z.literal(CONTROL_PROTOCOL_VERSION), type: z.literal('brackets'), item: BracketItem })
/** Server -> client: a silence procedure was opened, broken or decided (stored and audited first). */
export const SilenceMessage = z.strictObject({ v: z.literal(CONTROL_PROTOCOL_VERSION), type: z.literal('silence'), silence: SilenceView })
/** Server -> client: a paragraph's status changed (stored durably first); sent to everyone in the document. */
export const StatusMessage = z.strictObject({ v: z.literal(CONTROL_PROTOCOL_VERSION), type: z.literal('status'), status: ParagraphStatusView })

/** Every control message a client may send. */
export const ClientControlMessage = z.discriminatedUnion('type', [FlushRequest])
export type ClientControlMessage = z.infer<typeof ClientControlMessage>

/** Every control message the server may send. */
export const ServerControlMessage = z.discriminatedUnion('type', [SavedMessage, SaveFailedMessage, ThreadMessage, AmendmentMessage, ModeMessage, LockMessage, SignaturesMessage, TextReplacedMessage, BracketsMessage, SilenceMessage, StatusMessage])
export type ServerControlMessage = z.infer<typeof ServerControlMessage>
