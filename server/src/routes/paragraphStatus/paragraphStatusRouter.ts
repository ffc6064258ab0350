import { Router } from 'express'
import type { z } from 'zod'
import { ClauseIdInput } from '../../../../shared/negotiation/amendmentSchemas.js'
import { NegotiationRefusal } from '../../../../shared/negotiation/amendmentRules.js'
import { SetStatusBody } from '../../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import { CONTROL_PROTOCOL_VERSION } from '../../../../shared/protocol/controlMessages.js'
import { can } from '../../../../shared/roles.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import type { VersionService } from '../../versions/VersionService.js'
import { amendmentPresenter } from '../amendments/presentAmendment.js'
import { statusPresenter } from './presentParagraphStatus.js'
import { versionProgress } from './versionProgress.js'

/** Paragraph statuses (read by everyone, set by moderators, pushed live) and the progress of each frozen version. */
export function paragraphStatusRouter(context: AppContext, versions: VersionService): Router {
  const { store, sessions, hub, log, paragraphStatuses: statuses } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use(['/paragraph-statuses', '/progress'], requireSession(sessions), requirePermission(store, 'declaration.read'))

  router.get('/paragraph-statuses', async (_request, response) => {
    const present = await statusPresenter(store)
    response.json((await statuses.list(accessOf(response).declaration)).map(present))
  })

  router.put('/paragraph-statuses/:clauseId', validateBody(SetStatusBody), async (request, response) => {
    const { declaration, role } = accessOf(response)
    if (!can(role, 'status.set')) throw new ApiProblem(403, 'forbidden.role')
    const clauseId = ClauseIdInput.safeParse(request.params.clauseId)
    if (!clauseId.success) throw new ApiProblem(400, 'bad_clause_id')
    const { status, notTakenUp } = request.body as z.infer<typeof SetStatusBody>
    const change = await statuses.set(declaration, clauseId.data, status, notTakenUp, authorOf(response)).catch((error: unknown) => {
      throw error instanceof NegotiationRefusal ? new ApiProblem(error.status, error.key, error.values) : error
    })
    const view = (await statusPresenter(store))(change.record)
    if (change.changed) {
      const presentAmendment = await amendmentPresenter(store)
      for (const amendment of change.notTakenUp) await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'amendment', amendment: presentAmendment(amendment) })
      await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'status', status: view })
      log.info('paragraph_status_set', { declaration, clauseId: clauseId.data, status, notTakenUp: change.notTakenUp.length })
    }
    response.json(view)
  })

  router.get('/progress', async (_request, response) => {
    const frozen = await versions.intactVersions(accessOf(response).declaration)
    response.json({ versions: frozen.map(versionProgress) })
  })

  return router
}
