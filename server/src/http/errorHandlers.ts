import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from '../log.js'
import { DAMAGED_MESSAGE, DamagedLogError } from '../store/DamagedLogError.js'
import { ApiProblem } from './ApiProblem.js'

/** Unknown API paths, and anything the client app does not serve, answer JSON rather than an HTML error page. */
export const notFound: RequestHandler = (_request, _response, next) => {
  next(new ApiProblem(404, 'not_found', 'There is nothing at this address.'))
}

/** Every failure leaves as JSON `{error, message}`; only real faults are 500 and logged as errors. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    let problem: ApiProblem
    if (error instanceof ApiProblem) problem = error
    else if (isClientError(error)) problem = new ApiProblem(error.status, codeOf(error), messageOf(error))
    else if (error instanceof DamagedLogError) problem = new ApiProblem(500, 'document_damaged', DAMAGED_MESSAGE)
    else if (isStorageFailure(error)) {
      log.error('storage_failed', { method: request.method, path: request.path, error: String(error) })
      problem = new ApiProblem(503, 'storage_unavailable', 'The server cannot write to its disk right now; nothing was changed. Try again shortly.')
    } else {
      log.error('request_failed', { method: request.method, path: request.path, error: String(error) })
      problem = new ApiProblem(500, 'internal', 'The server failed to handle this request.')
    }
    if (problem.status === 401 || problem.status === 403) {
      log.warn('access_denied', { method: request.method, path: request.path, status: problem.status, reason: problem.code })
    }
    response.status(problem.status).json({ error: problem.code, message: problem.message })
  }
}

/** The disk is full, read-only or failing: the request was fine, and may succeed later. */
function isStorageFailure(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' || code === 'EIO'
}

/** A 4xx raised by Express or its parsers: the body parser, path decoding, static files. */
interface ClientError {
  status: number
  type?: unknown
}

function isClientError(error: unknown): error is ClientError {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' && error.status >= 400 && error.status < 500
}

function codeOf(error: ClientError): string {
  if (typeof error.type === 'string') return error.type.replaceAll('.', '_')
  return error instanceof URIError ? 'bad_path' : 'bad_request'
}

function messageOf(error: ClientError): string {
  if (error.type === 'entity.too.large') return 'The request body is too large.'
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON.'
  if (error.type === 'charset.unsupported') return 'Send the request body as JSON in UTF-8.'
  if (typeof error.type === 'string') return 'The request body could not be read.'
  // Express decodes path parameters; "%ZZ" or bytes that are not UTF-8 fail there.
  if (error instanceof URIError) return 'The address holds invalid percent-encoding.'
  return 'The request could not be handled.'
}
