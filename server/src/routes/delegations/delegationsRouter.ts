import { Router } from 'express'
import type { AppContext } from '../../http/AppContext.js'

/** GET /api/delegations: public, so a visitor can pick one before having a session. */
export function delegationsRouter({ store }: AppContext): Router {
  const router = Router()
  router.get('/', async (_request, response) => {
    response.json(await store.listDelegations())
  })
  return router
}
