import { Router, type Request } from 'express'
import { z } from 'zod'
import { AcceptInvitationBody, type InvitationPreview } from '../../../../shared/api/schemas.js'
import { hashPassword } from '../../auth/passwords.js'
import { hashToken } from '../../auth/tokens.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { validateBody } from '../../http/validateBody.js'
import { isPendingInvitation, type InvitationRecord, type Store } from '../../store/Store.js'
import { presentParticipant } from '../participants/presentParticipant.js'
import { setSessionCookie } from '../session/sessionCookie.js'

/** The invitation a link's token names, if it can still be used; forged, used, revoked and expired links are 404. */
async function usableInvitation(store: Store, request: Request): Promise<InvitationRecord> {
  const token = String(request.params.token)
  const invitation = token.length <= 100 ? await store.findInvitation(hashToken(token)) : undefined
  if (!invitation || !isPendingInvitation(invitation)) {
    throw new ApiProblem(404, 'invitation_unusable.expired')
  }
  return invitation
}

/** Opening an invitation link and setting a password; public, since the token is the credential. */
export function invitationsRouter(context: AppContext): Router {
  const { store, sessions, log } = context
  const router = Router()

  router.get('/:token', async (request, response) => {
    const invitation = await usableInvitation(store, request)
    const participant = await store.getParticipant(invitation.participantId)
    const declaration = await store.getDeclaration(invitation.declaration)
    if (!participant || !declaration) throw new ApiProblem(404, 'invitation_unusable.invalid')
    const { name, login, delegation } = await presentParticipant(store, participant)
    response.json({ name, login, delegation, role: invitation.role, declaration: declaration.name, declarationTitle: declaration.title } satisfies InvitationPreview)
  })

  router.post('/:token/accept', validateBody(AcceptInvitationBody), async (request, response) => {
    const invitation = await usableInvitation(store, request)
    const { password } = request.body as z.infer<typeof AcceptInvitationBody>
    const { token, record, expiresAt } = sessions.issue(invitation.participantId)
    try {
      await store.acceptInvitation(invitation.id, await hashPassword(password), record)
    } catch {
      // Two tabs racing on one link: only the first wins.
      throw new ApiProblem(404, 'invitation_unusable.used')
    }
    setSessionCookie(response, token, expiresAt, context.secureCookies)
    log.info('invitation_accepted', { participant: invitation.participantId, declaration: invitation.declaration })
    response.status(201).json({ token, declaration: invitation.declaration })
  })

  return router
}
