import { Router } from 'express'
import { VisitorSessionBody, type Identity } from '../../../../shared/api/schemas.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { requireIdentity } from '../../http/requireIdentity.js'
import { validateBody } from '../../http/validateBody.js'
import { SESSION_COOKIE } from '../../sessions/sessionTokens.js'

/** POST, GET and DELETE /api/session: start, read and end the visitor's session. */
export function sessionRouter({ store, sessions, secureCookies }: AppContext): Router {
  const router = Router()

  router.post('/', validateBody(VisitorSessionBody), async (request, response) => {
    const body = request.body as { name: string; delegation: string }
    const delegation = await store.getDelegation(body.delegation)
    if (!delegation) throw new ApiProblem(400, 'unknown_delegation', `There is no delegation "${body.delegation}".`)
    const { token, expiresAt } = await sessions.start(body.name, delegation.code)
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      expires: expiresAt,
      path: '/',
    })
    const identity: Identity = { name: body.name, delegation }
    response.status(201).json({ token, identity })
  })

  router.get('/', requireIdentity(sessions), (_request, response) => {
    response.json(response.locals.identity)
  })

  router.delete('/', async (request, response) => {
    await sessions.end(request)
    response.clearCookie(SESSION_COOKIE, { path: '/' })
    response.status(204).end()
  })

  return router
}
