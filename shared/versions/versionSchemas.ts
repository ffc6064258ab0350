import { z } from 'zod'
import { DisplayName, multilineText } from '../api/schemas.js'
import { Author } from '../comments/commentSchemas.js'

/** A version's name: "Zero draft", "Rev.1", "Final text". */
export const VersionName = DisplayName.pipe(z.string().max(60))

/** Body of POST /api/declarations/:name/versions (freeze) and of POST .../unlock. */
export const FreezeBody = z.strictObject({
  name: VersionName,
  note: z
    .string()
    .trim()
    .max(1000)
    .regex(multilineText, 'validation.control_except_breaks')
    .transform((note) => note.normalize('NFC'))
    .default(''),
  /** The moderator has seen the invisible characters the server reported, and freezes anyway. */
  acceptInvisibleCharacters: z.boolean().default(false),
})

/** A version in the list. */
export const VersionSummary = z.object({
  id: z.string(),
  seq: z.number(),
  name: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: Author,
  sha256: z.string(),
  /** False when the stored text no longer matches its hash; such a version is not served. */
  intact: z.boolean(),
  locked: z.boolean(),
})
export type VersionSummary = z.infer<typeof VersionSummary>

/** A version with its canonical text, exactly as frozen. */
export const VersionDetail = VersionSummary.extend({
  serialized: z.string(),
  /** The amendments pending when it was frozen (canonical JSON) and their own SHA-256; null for older versions. */
  pendingAmendments: z.object({ serialized: z.string(), sha256: z.string() }).nullable(),
})
export type VersionDetail = z.infer<typeof VersionDetail>

/** One entry of the audit log, as moderators read it. */
export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), delegation: z.string() }).nullable(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  previousHash: z.string(),
  hash: z.string(),
})

/** Names for the ids an audit log holds, so it reads as people, delegations and versions rather than ids. */
export const AuditNames = z.object({
  participants: z.record(z.string(), z.object({ name: z.string(), delegation: z.string() })),
  delegations: z.record(z.string(), z.string()),
  versions: z.record(z.string(), z.object({ seq: z.number(), name: z.string() })),
})
export type AuditNames = z.infer<typeof AuditNames>

/** The audit log with its head hash, whether its chain holds, and names for its ids. */
export const AuditView = z.object({
  entries: z.array(AuditEntryView),
  names: AuditNames,
  head: z.string(),
  chainBreak: z.object({ seq: z.number(), reason: z.string(), problem: z.enum(['missing', 'unlinked', 'altered']), position: z.number() }).nullable(),
})
