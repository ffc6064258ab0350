import type { RequestHandler } from 'express'
import type { z } from 'zod'
import { firstIssueMessage } from '../i18n/issueMessage.js'
import { ApiProblem } from './ApiProblem.js'

/** Replaces the request body with its parsed form, or answers 400 naming the first problem. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (request, _response, next) => {
    // The input is reported so a missing field reads "required" rather than "of the wrong type".
    const result = schema.safeParse(request.body, { reportInput: true })
    if (!result.success) {
      const { key, values } = firstIssueMessage(result.error)
      return next(new ApiProblem(400, key, values))
    }
    request.body = result.data
    next()
  }
}
