import type { RequestHandler, Response } from 'express'
import type { Session, SessionService } from '../sessions/SessionService.js'
import type { AuthorRecord } from '../store/Store.js'
import { ApiProblem } from './ApiProblem.js'

/** Answers 401 without a valid session; otherwise puts it in `response.locals.session`. */
export function requireSession(sessions: SessionService): RequestHandler {
  return (request, response, next) => {
    sessions.identify(request).then((session) => {
      if (!session) return next(new ApiProblem(401, 'unauthenticated'))
      response.locals.session = session
      next()
    }, next)
  }
}

/** The session a `requireSession` handler has put on the response. */
export function sessionOf(response: Response): Session {
  return response.locals.session as Session
}

/** The signed-in person as records name them: comments, versions and the audit log. */
export function authorOf(response: Response): AuthorRecord {
  const { identity } = sessionOf(response)
  return { id: identity.id, name: identity.name, delegation: identity.delegation.code }
}
