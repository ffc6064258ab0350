import type { RequestHandler } from 'express'
import type { Identity } from '../../../shared/api/schemas.js'
import type { SessionService } from '../sessions/SessionService.js'
import { ApiProblem } from './ApiProblem.js'

/** Answers 401 without a valid session; otherwise puts the identity in `response.locals.identity`. */
export function requireIdentity(sessions: SessionService): RequestHandler {
  return (request, response, next) => {
    sessions.identify(request).then((identity) => {
      if (!identity) return next(new ApiProblem(401, 'unauthenticated', 'Sign in first.'))
      response.locals.identity = identity satisfies Identity
      next()
    }, next)
  }
}
