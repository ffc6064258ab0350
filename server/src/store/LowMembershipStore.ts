import type { Role } from '../../../shared/roles.js'
import type { DurableRecords } from './DurableRecords.js'
import { MembershipRefused, type MembershipStore } from './MembershipStore.js'
import type { MembershipRecord } from './Store.js'

/** The part of the records file that holds memberships. */
export interface MembershipData {
  memberships: MembershipRecord[]
}

const isMembership = (declaration: string, participantId: string) => (membership: MembershipRecord) =>
  membership.declaration === declaration && membership.participantId === participantId

/** The role a participant holds in `data`, if any. */
export function roleIn(data: MembershipData, declaration: string, participantId: string): Role | undefined {
  return data.memberships.find(isMembership(declaration, participantId))?.role
}

/** Refuses unless `by` is a moderator of the declaration in `data`. */
export function requireModerator(data: MembershipData, declaration: string, by: string): void {
  if (roleIn(data, declaration, by) !== 'moderator') throw new MembershipRefused('not_moderator')
}

/** Replaces (or with null, drops) one membership in `data`, refusing if that leaves the declaration without a moderator. */
function replace(data: MembershipData, declaration: string, participantId: string, next: MembershipRecord | null): Role | undefined {
  const previous = roleIn(data, declaration, participantId)
  const others = data.memberships.filter((membership) => !isMembership(declaration, participantId)(membership))
  const after = next ? [...others, next] : others
  if (previous === 'moderator' && !after.some((membership) => membership.declaration === declaration && membership.role === 'moderator')) {
    throw new MembershipRefused('last_moderator')
  }
  data.memberships = after
  return previous
}

/** Memberships kept in the embedded records file; each change is one commit of that file. */
export class LowMembershipStore<T extends MembershipData> implements MembershipStore {
  constructor(private readonly records: DurableRecords<T>) {}

  async roleOf(declaration: string, participantId: string): Promise<Role | undefined> {
    return roleIn(this.records.data, declaration, participantId)
  }

  async members(declaration: string): Promise<MembershipRecord[]> {
    return this.records.data.memberships.filter((membership) => membership.declaration === declaration)
  }

  async membershipsOf(participantId: string): Promise<MembershipRecord[]> {
    return this.records.data.memberships.filter((membership) => membership.participantId === participantId)
  }

  grant(membership: MembershipRecord): Promise<Role | undefined> {
    return this.records.commit((data) => replace(data, membership.declaration, membership.participantId, membership))
  }

  changeRole(membership: MembershipRecord, by: string): Promise<Role> {
    return this.records.commit((data) => {
      requireModerator(data, membership.declaration, by)
      const previous = replace(data, membership.declaration, membership.participantId, membership)
      if (!previous) throw new MembershipRefused('unknown_member')
      return previous
    })
  }

  remove(declaration: string, participantId: string, by: string): Promise<Role> {
    return this.records.commit((data) => {
      requireModerator(data, declaration, by)
      const previous = replace(data, declaration, participantId, null)
      if (!previous) throw new MembershipRefused('unknown_member')
      return previous
    })
  }
}
