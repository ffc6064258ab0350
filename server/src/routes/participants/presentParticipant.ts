import type { Delegation, Member, Participant, PendingInvitation } from '../../../../shared/api/schemas.js'
import { isPendingInvitation, type InvitationRecord, type MembershipRecord, type ParticipantRecord, type Store } from '../../store/Store.js'

const unknownDelegation = (code: string): Delegation => ({ code, name: code, color: '#595959' })

/** A participant as others see them: never the password hash. */
export async function presentParticipant(store: Store, participant: ParticipantRecord): Promise<Participant> {
  const delegation = (await store.getDelegation(participant.delegation)) ?? unknownDelegation(participant.delegation)
  return { id: participant.id, login: participant.login, name: participant.name, delegation }
}

/** A member of a declaration; `active` is false until they have set a password. */
export async function presentMember(store: Store, membership: MembershipRecord): Promise<Member | null> {
  const participant = await store.getParticipant(membership.participantId)
  if (!participant) return null
  return { ...(await presentParticipant(store, participant)), role: membership.role, active: participant.passwordHash !== null }
}

/** An invitation still waiting: neither used, revoked nor expired. */
export async function presentPendingInvitation(store: Store, invitation: InvitationRecord): Promise<PendingInvitation | null> {
  if (!isPendingInvitation(invitation)) return null
  const participant = await store.getParticipant(invitation.participantId)
  if (!participant) return null
  const { name, login, delegation } = await presentParticipant(store, participant)
  return { id: invitation.id, name, login, delegation, role: invitation.role, expiresAt: invitation.expiresAt }
}
