import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from '../log.js'
import { ApiProblem } from './ApiProblem.js'

/** Unknown API paths answer JSON, not the client app. */
export const apiNotFound: RequestHandler = (_request, _response, next) => {
  next(new ApiProblem(404, 'not_found', 'No such API route.'))
}

/** Every failure leaves as JSON `{error, message}`; only real faults are 500 and logged as errors. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    let problem: ApiProblem
    if (error instanceof ApiProblem) problem = error
    else if (isBodyParserError(error)) problem = new ApiProblem(error.status, error.type.replaceAll('.', '_'), bodyMessage(error))
    else {
      log.error('request_failed', { method: request.method, path: request.path, error: String(error) })
      problem = new ApiProblem(500, 'internal', 'The server failed to handle this request.')
    }
    if (problem.status === 401 || problem.status === 403) {
      log.warn('access_denied', { method: request.method, path: request.path, status: problem.status, reason: problem.code })
    }
    response.status(problem.status).json({ error: problem.code, message: problem.message })
  }
}

interface BodyParserError {
  status: number
  type: string
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    typeof error.type === 'string' &&
    'status' in error &&
    typeof error.status === 'number' &&
    error.status >= 400 &&
    error.status < 500
  )
}

function bodyMessage(error: BodyParserError): string {
  if (error.type === 'entity.too.large') return 'The request body is too large.'
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON.'
  return 'The request body could not be read.'
}
