import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from '../log.js'
import type { ServerMessageKey } from '../../../shared/i18n/messageKeys.js'
import { requestLanguage } from '../i18n/requestLanguage.js'
import { serverMessage } from '../i18n/serverI18n.js'
import { DamagedLogError } from '../store/DamagedLogError.js'
import { ApiProblem } from './ApiProblem.js'

/** Unknown API paths, and anything the client app does not serve, answer JSON rather than an HTML error page. */
export const notFound: RequestHandler = (_request, _response, next) => {
  next(new ApiProblem(404, 'not_found.address'))
}

/** Every failure leaves as JSON `{error, message}`, the message in the reader's language; only real faults are 500 and logged as errors. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    let problem: ApiProblem
    if (error instanceof ApiProblem) problem = error
    else if (isClientError(error)) problem = new ApiProblem(error.status, messageKeyOf(error), {}, codeOf(error))
    else if (error instanceof DamagedLogError) problem = new ApiProblem(500, 'document_damaged')
    else if (isStorageFailure(error)) {
      log.error('storage_failed', { method: request.method, path: request.path, error: String(error) })
      problem = new ApiProblem(503, 'storage_unavailable.write')
    } else {
      log.error('request_failed', { method: request.method, path: request.path, error: String(error) })
      problem = new ApiProblem(500, 'internal')
    }
    if (problem.status === 401 || problem.status === 403) {
      log.warn('access_denied', { method: request.method, path: request.path, status: problem.status, reason: problem.code })
    }
    const language = requestLanguage(request, response)
    response.setHeader('Content-Language', language)
    response.status(problem.status).json({ error: problem.code, message: serverMessage(language, problem) })
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

function messageKeyOf(error: ClientError): ServerMessageKey {
  if (error.type === 'entity.too.large') return 'entity_too_large'
  if (error.type === 'entity.parse.failed') return 'entity_parse_failed'
  if (error.type === 'charset.unsupported') return 'charset_unsupported'
  if (typeof error.type === 'string') return 'body_unreadable'
  // Express decodes path parameters; "%ZZ" or bytes that are not UTF-8 fail there.
  if (error instanceof URIError) return 'bad_path'
  return 'bad_request'
}
