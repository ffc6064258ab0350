import { Router, type Response } from 'express'
import { NewBracketBody, ResolveBracketBody, type BracketItem } from '../../../../shared/brackets/bracketSchemas.js'
import { CONTROL_PROTOCOL_VERSION } from '../../../../shared/protocol/controlMessages.js'
import { can } from '../../../../shared/roles.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { refusalsAnswered } from '../../http/refusalsAnswered.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'

function requireManager(response: Response): void {
  if (!can(accessOf(response).role, 'brackets.manage')) throw new ApiProblem(403, 'forbidden.brackets')
}

/** The delegation codes a placement names, every one of which must be registered. */
function namedDelegations(body: NewBracketBody): string[] {
  return body.kind === 'bracket' ? body.requestedBy : body.options.flatMap((option) => option.proposedBy)
}

/** Square brackets and alternatives: placed and resolved by moderators, stored durably and audited, then pushed to every open page. */
export function bracketsRouter(context: AppContext): Router {
  const { store, sessions, hub, brackets, log } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use('/brackets', requireSession(sessions), requirePermission(store, 'declaration.read'))

  /** Pushes a stored item to everyone, then answers with it. */
  const publish = async (response: Response, item: BracketItem, status: number) => {
    await hub.broadcast(accessOf(response).declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'brackets', item })
    response.status(status).json(item)
  }

  router.get('/brackets', async (_request, response) => {
    response.json(await brackets.list(accessOf(response).declaration))
  })

  router.post('/brackets', validateBody(NewBracketBody), async (request, response) => {
    requireManager(response)
    const body = request.body as NewBracketBody
    const known = new Set((await store.listDelegations()).map((delegation) => delegation.code))
    const unknown = namedDelegations(body).find((code) => !known.has(code))
    if (unknown) throw new ApiProblem(400, 'unknown_delegation', { code: unknown })
    const { declaration } = accessOf(response)
    const item = await refusalsAnswered(() => brackets.place(declaration, body, authorOf(response)))
    log.info('bracket_placed', { declaration, item: item.id, kind: item.kind })
    await publish(response, item, 201)
  })

  router.post('/brackets/:id/resolve', validateBody(ResolveBracketBody), async (request, response) => {
    requireManager(response)
    const { declaration } = accessOf(response)
    const item = await refusalsAnswered(() => brackets.resolve(declaration, String(request.params.id), request.body as ResolveBracketBody, authorOf(response)))
    log.info('bracket_resolved', { declaration, item: item.id, status: item.status })
    await publish(response, item, 200)
  })

  return router
}
