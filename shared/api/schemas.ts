import { z } from 'zod'
import { DocumentName } from '../documentName.js'
import { Language } from '../i18n/languages.js'
import { Role } from '../roles.js'

// A message given to a check in these schemas is a key of the `server` catalogue (`validation.*`): the server puts it
// into the reader's language, with the check's own limits.

/** Every API error: a stable code and a sentence for people. */
export const ApiError = z.object({ error: z.string(), message: z.string() })
export type ApiError = z.infer<typeof ApiError>

/** A delegation: a country or organisation taking part. */
export const Delegation = z.object({
  code: z.string().regex(/^[A-Z]{2,8}$/),
  name: z.string().min(1).max(120),
  /** A colour for carets and badges; always shown with the name, never alone. */
  color: z.string().regex(/^#[0-9a-f]{6}$/),
})
export type Delegation = z.infer<typeof Delegation>

/** A declaration in the list. */
export const DeclarationSummary = z.object({
  name: DocumentName,
  title: z.string(),
  createdAt: z.string(),
})
export type DeclarationSummary = z.infer<typeof DeclarationSummary>

/**
 * A person's display name: trimmed, 1 to 80 characters, any script, no control or invisible formatting characters
 * except the joiners and direction marks that Persian, Indic and emoji spellings and mixed-direction names need.
 */
export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^(?:(?![\p{Cc}\p{Cf}])[^]|[\u061c\u200c-\u200f])+$/u, 'validation.invisible_formatting')
  .transform((name) => name.normalize('NFC'))

/** Plain text over several lines: no control characters but line breaks and tabs. */
export const multilineText = /^(?:[^\p{Cc}]|[\n\t])*$/u

/** Passwords may be in any script, but not hold control characters: scrypt would take "secret" and "secret\0" alike. */
const Password = z.string().regex(/^\P{Cc}*$/u, 'validation.control_characters')

/** A login: lowercase letters, digits, dots, hyphens and underscores. */
export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'validation.login_format')

/** A new password: long enough to resist guessing, short enough to hash quickly. */
export const NewPassword = Password.min(10).max(200)

/** Body of POST /api/session. */
export const SignInBody = z.strictObject({ login: z.string().max(100), password: Password.max(200) })

/** Body of POST /api/delegations. */
export const DelegationBody = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,8}$/, 'validation.delegation_code'),
  name: DisplayName,
  color: z.string().regex(/^#[0-9a-f]{6}$/, 'validation.colour_format'),
})

/** Body of POST /api/declarations/:name/invitations: a new participant and their role. */
export const InvitationBody = z.strictObject({
  name: DisplayName,
  login: Login,
  delegation: z.string().regex(/^[A-Z]{2,8}$/),
  role: Role,
})

/** Body of POST /api/invitations/:token/accept. */
export const AcceptInvitationBody = z.strictObject({ password: NewPassword })

/** Body of PUT /api/declarations/:name/members/:id. */
export const RoleChangeBody = z.strictObject({ role: Role })

/** A participant as others see them. */
export const Participant = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  delegation: Delegation,
})
export type Participant = z.infer<typeof Participant>

/** A participant's role in a declaration. */
export const Member = Participant.extend({ role: Role, active: z.boolean() })
export type Member = z.infer<typeof Member>

/** An invitation not yet used; the link is shown only when it is created. */
export const PendingInvitation = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  delegation: Delegation,
  role: Role,
  expiresAt: z.string(),
})
export type PendingInvitation = z.infer<typeof PendingInvitation>

/** Answer to creating an invitation: the one-time link to copy. */
export const CreatedInvitation = PendingInvitation.extend({ link: z.string() })

/** What an invitee sees before setting a password. */
export const InvitationPreview = z.object({
  name: z.string(),
  login: z.string(),
  delegation: Delegation,
  role: Role,
  declarationTitle: z.string(),
  declaration: DocumentName,
})
export type InvitationPreview = z.infer<typeof InvitationPreview>

/** The participants screen of a declaration. */
export const ParticipantsView = z.object({ members: z.array(Member), invitations: z.array(PendingInvitation) })
export type ParticipantsView = z.infer<typeof ParticipantsView>

/** A demo account offered on the sign-in page in demo mode. */
export const DemoAccount = z.object({ login: z.string(), password: z.string(), name: z.string(), delegation: z.string(), role: Role })
export type DemoAccount = z.infer<typeof DemoAccount>

/** Who the current session is, as the server sees it. */
export const Identity = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  delegation: Delegation,
})
export type Identity = z.infer<typeof Identity>

/** A declaration in the list, with the session's role in it. */
export const DeclarationAccess = DeclarationSummary.extend({ role: Role })
export type DeclarationAccess = z.infer<typeof DeclarationAccess>

/** Answer to GET /api/session: who is signed in, their role in each declaration, and the language they chose (null: none yet). */
export const SessionInfo = z.object({ identity: Identity, roles: z.record(z.string(), Role), language: Language.nullable() })
export type SessionInfo = z.infer<typeof SessionInfo>

/** Answer to signing in or accepting an invitation. */
export const SignedIn = z.object({ token: z.string(), declaration: DocumentName.optional() })
