import { Router } from 'express'
import { DocumentName } from '../../../../shared/documentName.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { requireIdentity } from '../../http/requireIdentity.js'
import { presentDeclaration } from './presentDeclaration.js'

/** GET /api/declarations and GET /api/declarations/:name. */
export function declarationsRouter({ store, sessions }: AppContext): Router {
  const router = Router()
  router.use(requireIdentity(sessions))

  router.get('/', async (_request, response) => {
    response.json((await store.listDeclarations()).map(presentDeclaration))
  })

  router.get('/:name', async (request, response) => {
    const name = DocumentName.safeParse(request.params.name)
    if (!name.success) throw new ApiProblem(400, 'bad_document_name', 'Document names are lowercase words joined by hyphens.')
    const record = await store.getDeclaration(name.data)
    if (!record) throw new ApiProblem(404, 'unknown_declaration', `There is no declaration "${name.data}".`)
    response.json(presentDeclaration(record))
  })

  return router
}
