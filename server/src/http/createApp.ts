import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Express } from 'express'
import { amendmentsRouter } from '../routes/amendments/amendmentsRouter.js'
import { bracketsRouter } from '../routes/brackets/bracketsRouter.js'
import { paragraphStatusRouter } from '../routes/paragraphStatus/paragraphStatusRouter.js'
import { commentsRouter } from '../routes/comments/commentsRouter.js'
import { declarationsRouter } from '../routes/declarations/declarationsRouter.js'
import { delegationsRouter } from '../routes/delegations/delegationsRouter.js'
import { demoRouter } from '../routes/demo/demoRouter.js'
import { invitationsRouter } from '../routes/invitations/invitationsRouter.js'
import { signInLockRouter } from '../routes/participants/signInLockRouter.js'
import { participantsRouter } from '../routes/participants/participantsRouter.js'
import { compilationRouter } from '../routes/compilation/compilationRouter.js'
import { exportsRouter } from '../routes/exports/exportsRouter.js'
import { keysRouter } from '../routes/keys/keysRouter.js'
import { labelsRouter } from '../routes/labels/labelsRouter.js'
import { sessionRouter } from '../routes/session/sessionRouter.js'
import { signaturesRouter } from '../routes/signatures/signaturesRouter.js'
import { silenceRouter } from '../routes/silence/silenceRouter.js'
import { versionsRouter } from '../routes/versions/versionsRouter.js'
import type { VersionService } from '../versions/VersionService.js'
import type { AppContext } from './AppContext.js'
import { csrfGuard } from './csrfGuard.js'
import { errorHandler, notFound } from './errorHandlers.js'
import { jsonBody } from './jsonBody.js'
import { requestId } from './requestId.js'
import { securityHeaders } from './securityHeaders.js'

/** The Express app: JSON API under /api, health, and the built client for everything else. */
export function createApp(context: AppContext, versions: VersionService, metrics: () => string, clientDir: string): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(securityHeaders)
  app.use(requestId)

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' })
  })

  // Counts only, no content: Prometheus scrapes it without a session.
  app.get('/metrics', (_request, response) => {
    response.type('text/plain; version=0.0.4').send(metrics())
  })

  const api = express.Router()
  api.use(csrfGuard(context.allowedOrigins))
  api.use(jsonBody('64kb'))
  api.use('/session', sessionRouter(context))
  api.use('/delegations', delegationsRouter(context))
  api.use('/declarations', declarationsRouter(context))
  api.use('/declarations/:name', participantsRouter(context))
  api.use('/declarations/:name', signInLockRouter(context))
  api.use('/declarations/:name', commentsRouter(context))
  api.use('/declarations/:name', amendmentsRouter(context))
  api.use('/declarations/:name', bracketsRouter(context))
  api.use('/declarations/:name', paragraphStatusRouter(context, versions))
  api.use('/declarations/:name', versionsRouter(context, versions))
  api.use('/declarations/:name', signaturesRouter(context, versions))
  api.use('/declarations/:name', silenceRouter(context))
  api.use('/declarations/:name', exportsRouter(context, versions))
  api.use('/declarations/:name', compilationRouter(context))
  api.use('/declarations/:name', labelsRouter(context))
  api.use('/keys', keysRouter(context))
  api.use('/invitations', invitationsRouter(context))
  api.use('/demo', demoRouter(context))
  api.use(notFound)
  app.use('/api', api)

  if (existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false }))
    // The client routes in the browser; every other page path gets the app shell.
    app.get(/^\/(?!api\/|sync\/|metrics$).*/, (_request, response) => {
      response.sendFile(join(clientDir, 'index.html'))
    })
  }

  app.use(notFound)
  app.use(errorHandler(context.log))
  return app
}
