import { Router } from 'express'
import type { SignInLockCleared } from '../../../../shared/api/signInLock.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession, sessionOf } from '../../http/requireSession.js'

/** A moderator clears a member's failed sign-ins, so a signatory slowed down by someone else's guesses signs in at once. */
export function signInLockRouter({ store, sessions, limiter, log }: AppContext): Router {
  const router = Router({ mergeParams: true })
  router.use('/members/:participantId/sign-in-lock', requireSession(sessions), requirePermission(store, 'participants.manage'))

  router.delete('/members/:participantId/sign-in-lock', async (request, response) => {
    const { declaration } = accessOf(response)
    const participantId = String(request.params.participantId)
    const participant = (await store.getRole(declaration, participantId)) ? await store.getParticipant(participantId) : undefined
    if (!participant) throw new ApiProblem(404, 'unknown_member')
    const cleared = await limiter.clear(participant.login)
    log.info('sign_in_lock_cleared', { declaration, participant: participantId, cleared, by: sessionOf(response).participant.id })
    await store.audit.append(declaration, { actor: authorOf(response), action: 'sign_in_lock_cleared', details: { participant: participantId, cleared } })
    response.json({ cleared } satisfies SignInLockCleared)
  })

  return router
}
