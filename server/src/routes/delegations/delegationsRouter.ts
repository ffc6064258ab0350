import { Router } from 'express'
import { z } from 'zod'
import { DelegationBody } from '../../../../shared/api/schemas.js'
import { can } from '../../../../shared/roles.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'

/** Delegations: everyone signed in reads them; a moderator of any declaration adds them. */
export function delegationsRouter({ store, sessions, log }: AppContext): Router {
  const router = Router()
  router.use(requireSession(sessions))

  router.get('/', async (_request, response) => {
    response.json(await store.listDelegations())
  })

  router.post('/', validateBody(DelegationBody), async (request, response) => {
    const { participant } = sessionOf(response)
    const memberships = await store.listMemberships(participant.id)
    if (!memberships.some((membership) => can(membership.role, 'delegations.manage'))) {
      throw new ApiProblem(403, 'forbidden.delegations')
    }
    const body = request.body as z.infer<typeof DelegationBody>
    if ((await store.addDelegations([body])).length === 0) throw new ApiProblem(409, 'delegation_exists', { code: body.code })
    log.info('delegation_added', { code: body.code, by: participant.id })
    response.status(201).json(body)
  })

  return router
}
