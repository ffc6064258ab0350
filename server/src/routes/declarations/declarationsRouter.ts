import { Router } from 'express'
import type { DeclarationAccess } from '../../../../shared/api/schemas.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { requireSession, sessionOf } from '../../http/requireSession.js'
import { presentDeclaration } from './presentDeclaration.js'

/** The declarations the session takes part in, each with its role. */
export function declarationsRouter({ store, sessions }: AppContext): Router {
  const router = Router()
  router.use(requireSession(sessions))

  router.get('/', async (_request, response) => {
    const { participant } = sessionOf(response)
    const memberships = await store.listMemberships(participant.id)
    const list: DeclarationAccess[] = []
    for (const membership of memberships) {
      const record = await store.getDeclaration(membership.declaration)
      if (record) list.push({ ...presentDeclaration(record), role: membership.role })
    }
    response.json(list)
  })

  router.get('/:name', requirePermission(store, 'declaration.read'), async (_request, response) => {
    const { declaration, role } = accessOf(response)
    const record = await store.getDeclaration(declaration)
    response.json({ ...presentDeclaration(record!), role } satisfies DeclarationAccess)
  })

  return router
}
