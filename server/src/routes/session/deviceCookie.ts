import { createHash } from 'node:crypto'
import type { Request, Response } from 'express'
import { parse as parseCookies } from 'cookie'

const YEAR_MS = 365 * 24 * 60 * 60 * 1000

/** One cookie per login, so a shared browser keeps each account's standing apart; the name reveals no login. */
const cookieName = (login: string) => `kelisim_device_${createHash('sha256').update(login).digest('hex').slice(0, 16)}`

/** The device token this browser holds for a login, if any. */
export function deviceTokenOf(request: Request, login: string): string | undefined {
  const cookies = request.headers.cookie
  return cookies ? parseCookies(cookies)[cookieName(login)] : undefined
}

/** Remembers that this browser signed in to a login; only sign-in reads it. */
export function setDeviceCookie(response: Response, login: string, token: string, secure: boolean): void {
  response.cookie(cookieName(login), token, { httpOnly: true, sameSite: 'strict', secure, maxAge: YEAR_MS, path: '/api/session' })
}
