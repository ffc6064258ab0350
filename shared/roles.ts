import { z } from 'zod'

/** A participant's role in one declaration. */
export const Role = z.enum(['moderator', 'editor', 'signatory', 'observer'])
export type Role = z.infer<typeof Role>

/** Everything a session may try to do in a declaration. */
export type Action =
  | 'declaration.read'
  | 'text.edit'
  | 'participants.manage'
  | 'delegations.manage'
  | 'comment.write'
  | 'comment.moderate'
  | 'versions.manage'
  | 'audit.read'
  | 'signature.sign'
  | 'text.editInNegotiation'
  | 'amendment.propose'
  | 'amendment.decide'
  | 'mode.set'
  | 'brackets.manage'
  | 'silence.manage'
  | 'silence.break'
  | 'status.set'
  | 'labels.renumber'

const allowed: Record<Action, readonly Role[]> = {
  'declaration.read': ['moderator', 'editor', 'signatory', 'observer'],
  'text.edit': ['moderator', 'editor'],
  'participants.manage': ['moderator'],
  'delegations.manage': ['moderator'],
  'comment.write': ['moderator', 'editor', 'signatory'],
  /** Resolve or reopen anyone's thread (authors may always resolve their own). */
  'comment.moderate': ['moderator'],
  /** Freeze, lock, unlock, restore. */
  'versions.manage': ['moderator'],
  'audit.read': ['moderator'],
  /** Signatories sign for their delegation. */
  'signature.sign': ['signatory'],
  /** In negotiation mode the text changes only through amendments; moderators keep the pen. */
  'text.editInNegotiation': ['moderator'],
  /** Propose, edit and withdraw own amendments, and co-sponsor, support or oppose others', for one's delegation. */
  'amendment.propose': ['editor', 'signatory'],
  /** Accept, accept as revised, reject; edit any amendment. */
  'amendment.decide': ['moderator'],
  /** Switch between open drafting and negotiation. */
  'mode.set': ['moderator'],
  /** Place, lift and resolve square brackets and alternatives. */
  'brackets.manage': ['moderator'],
  /** Place a locked version under silence procedure until a deadline. */
  'silence.manage': ['moderator'],
  /** Break silence for one's delegation, signed with its key. */
  'silence.break': ['signatory'],
  /** Mark a paragraph open, agreed ad referendum or agreed (closed). */
  'status.set': ['moderator'],
  /** Number the paragraphs 1, 2, 3 … again at the end of a round. */
  'labels.renumber': ['moderator'],
}

/** The one permission table: the server enforces it and the UI mirrors it. Deny by default. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && allowed[action].includes(role)
}

