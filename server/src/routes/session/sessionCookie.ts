import type { Response } from 'express'
import { SESSION_COOKIE } from '../../auth/tokens.js'

/** Sets the httpOnly, SameSite=Strict session cookie. */
export function setSessionCookie(response: Response, token: string, expiresAt: Date, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, expires: expiresAt, path: '/' })
}

/** Removes the session cookie, with the same attributes it was set with. */
export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' })
}
