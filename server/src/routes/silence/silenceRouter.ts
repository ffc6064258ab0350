import { Router } from 'express'
import type { z } from 'zod'
import { can } from '../../../../shared/roles.js'
import { BreakBody, DEFAULT_SILENCE_HOURS, OpenSilenceBody } from '../../../../shared/silence/silenceSchemas.js'
import { instantOfWallClock } from '../../../../shared/silence/zonedTime.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import { presentSilence } from '../../silence/presentSilence.js'

/** The silence procedure of a declaration: read it, open it on the locked version, break it. */
export function silenceRouter(context: AppContext): Router {
  const { store, sessions, silence } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use('/silence', requireSession(sessions), requirePermission(store, 'declaration.read'))

  router.get('/silence', async (_request, response) => {
    const current = await silence.current(accessOf(response).declaration)
    response.json({ silence: current ? presentSilence(current) : null })
  })

  router.post('/silence', validateBody(OpenSilenceBody), async (request, response) => {
    const { declaration, role } = accessOf(response)
    if (!can(role, 'silence.manage')) throw new ApiProblem(403, 'forbidden.silence')
    const body = request.body as z.infer<typeof OpenSilenceBody>
    const deadline = body.deadline ? instantOfWallClock(body.deadline, body.deadline.timeZone) : silence.now() + DEFAULT_SILENCE_HOURS * 60 * 60 * 1000
    if (deadline === null) throw new ApiProblem(400, 'invalid_deadline', { date: body.deadline?.date ?? '', time: body.deadline?.time ?? '', timeZone: body.deadline?.timeZone ?? '' })
    const opened = await silence.open(declaration, body.versionId, deadline, body.deadline?.timeZone ?? 'UTC', authorOf(response))
    response.status(201).json(presentSilence(opened))
  })

  router.post('/silence/breaks', validateBody(BreakBody), async (request, response) => {
    const { declaration, role } = accessOf(response)
    if (!can(role, 'silence.break')) throw new ApiProblem(403, 'forbidden.breakSilence')
    const { statement, signature } = request.body as z.infer<typeof BreakBody>
    const { identity } = sessionOf(response)
    const broken = await silence.breakSilence(declaration, statement, signature, { id: identity.id, name: identity.name, delegation: { code: identity.delegation.code, name: identity.delegation.name } })
    response.status(201).json(presentSilence(broken))
  })

  return router
}
