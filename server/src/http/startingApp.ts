import express, { type Express } from 'express'
import type { Logger } from '../log.js'
import { ApiProblem } from './ApiProblem.js'
import { errorHandler } from './errorHandlers.js'

/** Answers every request while the store opens: 503 with a Retry-After, as JSON in the reader's language like any other refusal. */
export function startingApp(log: Logger): Express {
  const app = express()
  app.use((_request, response, next) => {
    response.setHeader('Retry-After', '1')
    next(new ApiProblem(503, 'starting'))
  })
  app.use(errorHandler(log))
  return app
}
