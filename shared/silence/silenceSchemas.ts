import { z } from 'zod'
import { multilineText } from '../api/schemas.js'
import { DocumentName } from '../documentName.js'
import { SignatureBody, SignatureStatement } from '../signatures/signatureStatement.js'
import { isTimeZone } from './zonedTime.js'

/** What every break of silence says it is, so it is never taken for a signature, nor a signature for it. */
export const SILENCE_BREAK_PURPOSE = 'kelisim-silence-break/1'

/** How long a silence runs unless the moderator sets another deadline. */
export const DEFAULT_SILENCE_HOURS = 72

/** An IANA time zone the runtime knows. */
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone.')

/** Body of POST /api/declarations/:name/silence: the locked version, and the deadline as a wall clock in a time zone (72 hours from now when absent). */
export const OpenSilenceBody = z.strictObject({
  versionId: z.string().min(1).max(64),
  deadline: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.'),
      time: z.string().regex(/^\d{2}:\d{2}$/, 'Give the time as HH:MM.'),
      timeZone: TimeZone,
    })
    .optional(),
})
export type OpenSilenceBody = z.infer<typeof OpenSilenceBody>

/** A paragraph a break names: its stable id and its label in the version under silence. */
export const NamedParagraph = z.strictObject({ clauseId: z.string().min(1).max(64), label: z.string().min(1).max(40) })

/** The exact statement a signatory signs to break silence: the same family as a signature's, with its own purpose. */
export const BreakStatement = z.strictObject({
  purpose: z.literal(SILENCE_BREAK_PURPOSE),
  declaration: DocumentName,
  versionId: SignatureStatement.shape.versionId,
  versionSha256: SignatureStatement.shape.versionSha256,
  silenceId: z.string().min(1).max(64),
  signer: SignatureStatement.shape.signer,
  delegation: SignatureStatement.shape.delegation,
  keyId: SignatureStatement.shape.keyId,
  brokenAt: z.iso.datetime(),
  paragraphs: z.array(NamedParagraph).min(1, 'Name at least one paragraph.').max(200),
  statement: z
    .string()
    .min(1)
    .max(4000, 'A statement is at most 4,000 characters.')
    .regex(multilineText, 'A statement cannot contain control characters other than line breaks.')
    .refine((text) => text.trim().length > 0, 'Give a statement.'),
})
export type BreakStatement = z.infer<typeof BreakStatement>

/** Body of POST /api/declarations/:name/silence/breaks. */
export const BreakBody = z.strictObject({ statement: BreakStatement, signature: SignatureBody.shape.signature })

/** Where a silence stands: running until its deadline, then adopted or broken; withdrawn when the draft is unlocked before it. */
export const SilenceState = z.enum(['running', 'adopted', 'broken', 'withdrawn'])
export type SilenceState = z.infer<typeof SilenceState>

/** A break of silence as everyone sees it. */
export const SilenceBreakView = z.object({
  id: z.string(),
  delegation: z.object({ code: z.string(), name: z.string() }),
  signer: z.string(),
  brokenAt: z.string(),
  paragraphs: z.array(NamedParagraph),
  statement: z.string(),
  fingerprint: z.string(),
})
export type SilenceBreakView = z.infer<typeof SilenceBreakView>

/** A silence procedure on a version, as every page shows it. */
export const SilenceView = z.object({
  id: z.string(),
  version: z.object({ id: z.string(), seq: z.number(), name: z.string(), sha256: z.string() }),
  deadline: z.string(),
  timeZone: z.string(),
  openedAt: z.string(),
  openedBy: z.object({ name: z.string(), delegation: z.string() }),
  state: SilenceState,
  decidedAt: z.string().nullable(),
  breaks: z.array(SilenceBreakView),
})
export type SilenceView = z.infer<typeof SilenceView>

/** Answer of GET /api/declarations/:name/silence: the latest silence procedure, if any. */
export const SilenceAnswer = z.object({ silence: SilenceView.nullable() })

/** A silence procedure in an evidence bundle: when it ran, its signed breaks and its outcome. */
export const SilenceEvidence = z.object({
  id: z.string(),
  versionId: z.string(),
  versionSha256: z.string(),
  deadline: z.string(),
  timeZone: z.string(),
  outcome: z.object({ state: z.enum(['adopted', 'broken', 'withdrawn']), decidedAt: z.string() }).nullable(),
  breaks: z.array(z.object({ id: z.string(), statement: BreakStatement, signature: z.string(), publicKey: z.string() })),
})
export type SilenceEvidence = z.infer<typeof SilenceEvidence>
