import { Router } from 'express'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'

/** GET /api/demo/accounts: the one-click sign-in list, only in demo mode. */
export function demoRouter({ demoAccounts }: AppContext): Router {
  const router = Router()
  router.get('/accounts', (_request, response) => {
    if (!demoAccounts) throw new ApiProblem(404, 'not_found.demo')
    response.json(demoAccounts)
  })
  return router
}
