import { z } from 'zod'
import { DocumentName } from '../documentName.js'

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

/** A person's display name: trimmed, 1 to 80 characters, any script, no control characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'Enter your name.')
  .max(80, 'Names are at most 80 characters.')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'Names cannot contain control or invisible formatting characters.')
  .transform((name) => name.normalize('NFC'))

/** Body of POST /api/session until sign-in exists: a visitor names themself and picks a delegation. */
export const VisitorSessionBody = z.strictObject({
  name: DisplayName,
  delegation: z.string().regex(/^[A-Z]{2,8}$/),
})
export type VisitorSessionBody = z.input<typeof VisitorSessionBody>

/** Who the current session is, as the server sees it. */
export const Identity = z.object({
  name: z.string(),
  delegation: Delegation,
})
export type Identity = z.infer<typeof Identity>
