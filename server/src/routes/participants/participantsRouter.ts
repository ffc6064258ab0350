import { randomUUID } from 'node:crypto'
import { Router, type Request } from 'express'
import { z } from 'zod'
import { InvitationBody, RoleChangeBody, type Member, type PendingInvitation } from '../../../../shared/api/schemas.js'
import { CloseCode } from '../../../../shared/protocol/closeCodes.js'
import { hashToken, newToken } from '../../auth/tokens.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import { MembershipRefused, type MembershipRefusal } from '../../store/MembershipStore.js'
import { LoginTaken } from '../../store/Store.js'
import { presentMember, presentPendingInvitation } from './presentParticipant.js'

function isPresent<T>(value: T | null): value is T {
  return value !== null
}

const refusals: Record<MembershipRefusal, ApiProblem> = {
  unknown_member: new ApiProblem(404, 'unknown_member'),
  last_moderator: new ApiProblem(409, 'last_moderator'),
  not_moderator: new ApiProblem(403, 'forbidden.role'),
}

/** Runs a change of who takes part, answering the store's refusal as an API problem. */
async function refusedAsProblem<T>(change: Promise<T>): Promise<T> {
  try {
    return await change
  } catch (error) {
    if (error instanceof LoginTaken) throw new ApiProblem(409, 'login_taken', { login: error.login })
    throw error instanceof MembershipRefused ? refusals[error.reason] : error
  }
}

/** The link an invitee opens, on the origin the moderator is using. */
function invitationLink(request: Request, token: string): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}/invite/${token}`
}

/** The participants screen: members and roles, invitations, revocation. Moderators only. */
export function participantsRouter(context: AppContext): Router {
  const { store, sessions, connections, log } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use(['/participants', '/members', '/invitations'], requireSession(sessions), requirePermission(store, 'participants.manage'))

  router.get('/participants', async (_request, response) => {
    const { declaration } = accessOf(response)
    const members = (await Promise.all((await store.listMembers(declaration)).map((membership) => presentMember(store, membership)))).filter(isPresent)
    const invitations = (await Promise.all((await store.listInvitations(declaration)).map((invitation) => presentPendingInvitation(store, invitation)))).filter(isPresent)
    response.json({ members: members satisfies Member[], invitations: invitations satisfies PendingInvitation[] })
  })

  router.put('/members/:participantId', validateBody(RoleChangeBody), async (request, response) => {
    const { declaration } = accessOf(response)
    const participantId = String(request.params.participantId)
    const { role } = request.body as z.infer<typeof RoleChangeBody>
    const current = await refusedAsProblem(store.memberships.changeRole({ declaration, participantId, role }, sessionOf(response).participant.id))
    const closed = connections.disconnect(participantId, declaration, CloseCode.roleChanged, 'Your role changed; reopening.')
    log.info('role_changed', { declaration, participant: participantId, from: current, to: role, by: sessionOf(response).participant.id, closed })
    await store.audit.append(declaration, { actor: authorOf(response), action: 'role_changed', details: { participant: participantId, from: current, to: role } })
    response.json(await presentMember(store, { declaration, participantId, role }))
  })

  router.delete('/members/:participantId', async (request, response) => {
    const { declaration } = accessOf(response)
    const participantId = String(request.params.participantId)
    await refusedAsProblem(store.memberships.remove(declaration, participantId, sessionOf(response).participant.id))
    const closed = connections.disconnect(participantId, declaration, CloseCode.forbidden, 'Your access to this declaration was removed.')
    log.info('member_removed', { declaration, participant: participantId, by: sessionOf(response).participant.id, closed })
    await store.audit.append(declaration, { actor: authorOf(response), action: 'member_removed', details: { participant: participantId } })
    response.status(204).end()
  })

  router.post('/invitations', validateBody(InvitationBody), async (request, response) => {
    const { declaration } = accessOf(response)
    const body = request.body as z.infer<typeof InvitationBody>
    if (!(await store.getDelegation(body.delegation))) throw new ApiProblem(400, 'unknown_delegation', { code: body.delegation })
    const token = newToken()
    const now = Date.now()
    const participant = { id: randomUUID(), login: body.login, name: body.name, delegation: body.delegation, passwordHash: null, createdAt: new Date(now).toISOString() }
    const invitation = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      participantId: participant.id,
      declaration,
      role: body.role,
      createdBy: sessionOf(response).participant.id,
      createdAt: participant.createdAt,
      expiresAt: new Date(now + context.invitationTtlMs).toISOString(),
      usedAt: null,
      revokedAt: null,
    }
    await refusedAsProblem(store.invite(participant, { declaration, participantId: participant.id, role: body.role }, invitation))
    log.info('invited', { declaration, participant: participant.id, role: body.role, by: invitation.createdBy })
    await store.audit.append(declaration, { actor: authorOf(response), action: 'participant_invited', details: { participant: participant.id, login: body.login, role: body.role } })
    const pending = await presentPendingInvitation(store, invitation)
    response.status(201).json({ ...pending, link: invitationLink(request, token) })
  })

  router.delete('/invitations/:invitationId', async (request, response) => {
    const { declaration } = accessOf(response)
    const invitation = (await store.listInvitations(declaration)).find((candidate) => candidate.id === request.params.invitationId)
    if (!invitation || !(await refusedAsProblem(store.revokeInvitation(invitation.id, sessionOf(response).participant.id)))) {
      throw new ApiProblem(404, 'unknown_invitation')
    }
    log.info('invitation_revoked', { declaration, invitation: invitation.id, by: sessionOf(response).participant.id })
    await store.audit.append(declaration, { actor: authorOf(response), action: 'invitation_revoked', details: { invitation: invitation.id } })
    response.status(204).end()
  })

  return router
}
