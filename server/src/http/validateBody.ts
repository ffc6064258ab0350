import type { RequestHandler } from 'express'
import type { z } from 'zod'
import { ApiProblem } from './ApiProblem.js'

/** Replaces the request body with its parsed form, or answers 400 naming the first problem. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (request, _response, next) => {
    const result = schema.safeParse(request.body)
    if (!result.success) {
      const issue = result.error.issues[0]
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      return next(new ApiProblem(400, 'invalid_body', `${where}${issue?.message ?? 'Invalid request body.'}`))
    }
    request.body = result.data
    next()
  }
}
