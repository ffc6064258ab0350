import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'
import { withLogFields } from '../log.js'

/** Gives each request an id, returned as X-Request-Id and carried by every log line written while handling it. */
export const requestId: RequestHandler = (_request, response, next) => {
  const id = randomUUID()
  response.setHeader('X-Request-Id', id)
  withLogFields({ request: id }, next)
}
