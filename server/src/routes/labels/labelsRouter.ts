import { Router } from 'express'
import type { RenumberAnswer } from '../../../../shared/negotiation/renumberAnswer.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession } from '../../http/requireSession.js'
import { renumberLabels } from '../../negotiation/roundLabelWrites.js'

/** POST /labels/renumber: the moderator numbers the paragraphs 1, 2, 3 … again at the end of a round; recorded, and live on every page. */
export function labelsRouter(context: AppContext): Router {
  const { store, sessions, hub } = context
  const router = Router({ mergeParams: true })
  router.use('/labels', requireSession(sessions), requirePermission(store, 'labels.renumber'))

  router.post('/labels/renumber', async (_request, response) => {
    const { declaration } = accessOf(response)
    const changes = await hub.withDocument(declaration, async (document) => {
      // Labels are part of the text a locked version must still match.
      if (document.locked) throw new ApiProblem(409, 'locked.renumber')
      const changed = renumberLabels(document.doc)
      await document.flushAll().catch(() => {
        throw new ApiProblem(503, 'storage_unavailable.renumber')
      })
      return changed
    })
    await store.audit.append(declaration, { actor: authorOf(response), action: 'labels_renumbered', details: { changes: changes.map((change) => `${change.from} → ${change.to}`) } })
    response.json({ changes } satisfies RenumberAnswer)
  })

  return router
}
