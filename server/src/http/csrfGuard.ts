import type { RequestHandler } from 'express'
import { ApiProblem } from './ApiProblem.js'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses cross-site requests to mutating routes. Browsers name the page's origin (Origin, Sec-Fetch-Site) on
 * every such request, so one from a browser must come from an allowed origin; a request naming neither is not
 * from a browser and cannot carry another site's cookies. Bodies must be JSON, which forces a CORS preflight.
 */
export function csrfGuard(allowedOrigins: ReadonlySet<string>): RequestHandler {
  return (request, _response, next) => {
    if (safeMethods.has(request.method)) return next()
    const origin = request.headers.origin
    const fetchSite = request.headers['sec-fetch-site']
    const fromBrowserElsewhere =
      origin !== undefined ? !allowedOrigins.has(origin) : fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none'
    if (fromBrowserElsewhere) return next(new ApiProblem(403, 'cross_site_request'))
    const hasBody = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0'
    if (hasBody && !request.is('application/json')) {
      return next(new ApiProblem(415, 'unsupported_media_type'))
    }
    next()
  }
}
