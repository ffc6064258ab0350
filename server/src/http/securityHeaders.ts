import type { RequestHandler } from 'express'

/**
 * Security headers on every response. Scripts come only from this origin; inline style attributes are allowed
 * because the editor colours other people's selections with them.
 */
export const securityHeaders: RequestHandler = (request, response, next) => {
  // The Host header is the client's to write; anything but a host and port would add directives to the policy.
  const host = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(request.headers.host ?? '') ? request.headers.host : null
  response.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      host ? `connect-src 'self' ws://${host} wss://${host}` : "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  )
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('X-Frame-Options', 'DENY')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  next()
}
