import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type Express } from 'express'
import { declarationsRouter } from '../routes/declarations/declarationsRouter.js'
import { delegationsRouter } from '../routes/delegations/delegationsRouter.js'
import { sessionRouter } from '../routes/session/sessionRouter.js'
import type { AppContext } from './AppContext.js'
import { apiNotFound, errorHandler } from './errorHandlers.js'

/** The Express app: JSON API under /api, health, and the built client for everything else. */
export function createApp(context: AppContext, clientDir: string): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    response.setHeader('Referrer-Policy', 'no-referrer')
    response.setHeader('X-Frame-Options', 'DENY')
    next()
  })

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' })
  })

  const api = express.Router()
  api.use(express.json({ limit: '64kb' }))
  api.use('/session', sessionRouter(context))
  api.use('/delegations', delegationsRouter(context))
  api.use('/declarations', declarationsRouter(context))
  api.use(apiNotFound)
  app.use('/api', api)

  if (existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false }))
    // The client routes in the browser; every other page path gets the app shell.
    app.get(/^\/(?!api\/|sync\/).*/, (_request, response) => {
      response.sendFile(join(clientDir, 'index.html'))
    })
  }

  app.use(errorHandler(context.log))
  return app
}
