import type { Role } from '../../../shared/roles.js'
import type { MembershipRecord } from './Store.js'

/** Why a membership change was refused; nothing was changed. */
export type MembershipRefusal = 'unknown_member' | 'last_moderator' | 'not_moderator'

/** A membership change the store refused, checked in the same step as the write it guards. */
export class MembershipRefused extends Error {
  constructor(readonly reason: MembershipRefusal) {
    super(`membership change refused: ${reason}`)
  }
}

/**
 * Participants' roles in declarations. Every change checks and writes in one step: a declaration is never left
 * without a moderator, and a change made by a moderator is refused if they are no longer one when it is written.
 */
export interface MembershipStore {
  /** A participant's role in a declaration, if they have one. */
  roleOf(declaration: string, participantId: string): Promise<Role | undefined>
  /** Every membership of a declaration. */
  members(declaration: string): Promise<MembershipRecord[]>
  /** Every membership of a participant. */
  membershipsOf(participantId: string): Promise<MembershipRecord[]>
  /** Gives a participant a role, adding them if they have none; returns the role they had. */
  grant(membership: MembershipRecord): Promise<Role | undefined>
  /** Changes a member's role on behalf of moderator `by`; returns the role they had. */
  changeRole(membership: MembershipRecord, by: string): Promise<Role>
  /** Removes a member on behalf of moderator `by`; returns the role they had. */
  remove(declaration: string, participantId: string, by: string): Promise<Role>
}
