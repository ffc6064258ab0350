import type { RequestHandler, Response } from 'express'
import { DocumentName } from '../../../shared/documentName.js'
import { can, type Action, type Role } from '../../../shared/roles.js'
import type { Store } from '../store/Store.js'
import { ApiProblem } from './ApiProblem.js'
import { sessionOf } from './requireSession.js'

/** The declaration and role a `requirePermission` handler has checked. */
export interface DeclarationAccess {
  declaration: string
  role: Role
}

/** Answers 403 unless the session's role in the declaration named by `:name` allows the action; deny by default. */
export function requirePermission(store: Store, action: Action): RequestHandler {
  return (request, response, next) => {
    const name = DocumentName.safeParse(request.params.name)
    if (!name.success) return next(new ApiProblem(400, 'bad_document_name'))
    const { participant } = sessionOf(response)
    store.getRole(name.data, participant.id).then(async (role) => {
      if (!(await store.getDeclaration(name.data))) {
        return next(new ApiProblem(404, 'unknown_declaration', { name: name.data }))
      }
      if (!role || !can(role, action)) return next(new ApiProblem(403, 'forbidden.role'))
      response.locals.access = { declaration: name.data, role } satisfies DeclarationAccess
      next()
    }, next)
  }
}

/** The access a `requirePermission` handler has checked. */
export function accessOf(response: Response): DeclarationAccess {
  return response.locals.access as DeclarationAccess
}
