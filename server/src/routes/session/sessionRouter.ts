import { Router } from 'express'
import { z } from 'zod'
import { LanguageChoice } from '../../../../shared/api/languageChoice.js'
import { SignInBody, type Identity, type SessionInfo } from '../../../../shared/api/schemas.js'
import { CloseCode } from '../../../../shared/protocol/closeCodes.js'
import { decoyHash, verifyPassword } from '../../auth/passwords.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import { deviceTokenOf, setDeviceCookie } from './deviceCookie.js'
import { setSessionCookie, clearSessionCookie } from './sessionCookie.js'

/** Sign in, who am I, the language I chose, sign out, and sign out everywhere. */
export function sessionRouter(context: AppContext): Router {
  const { store, sessions, limiter, log, connections } = context
  const router = Router()

  router.post('/', validateBody(SignInBody), async (request, response) => {
    const body = request.body as z.infer<typeof SignInBody>
    const login = body.login.trim().toLowerCase()
    const address = request.ip ?? 'unknown'
    const admission = await limiter.admit(login, address, deviceTokenOf(request, login))
    if (!admission.allowed) {
      response.setHeader('Retry-After', String(admission.retryAfter))
      if (admission.reason === 'busy') throw new ApiProblem(429, 'too_many_attempts.busy')
      throw new ApiProblem(429, admission.reason === 'address' ? 'too_many_attempts.address' : 'too_many_attempts.login', { count: admission.retryAfter })
    }
    const participant = await store.findParticipantByLogin(login)
    // An unknown login costs the same time as a wrong password, so timing does not reveal which logins exist.
    const valid = await verifyPassword(body.password, participant?.passwordHash ?? decoyHash)
    if (!participant || !participant.passwordHash || !valid) {
      await limiter.recordFailure(admission.attempt)
      log.warn('sign_in_failed', { login, ip: request.ip, knownBrowser: admission.attempt.trusted })
      throw new ApiProblem(401, 'bad_credentials')
    }
    await limiter.recordSuccess(admission.attempt)
    const { token, expiresAt } = await sessions.start(participant.id)
    setSessionCookie(response, token, expiresAt, context.secureCookies)
    setDeviceCookie(response, login, limiter.deviceToken(login), context.secureCookies)
    log.info('signed_in', { participant: participant.id })
    response.status(201).json({ token })
  })

  router.get('/', requireSession(sessions), async (_request, response) => {
    const { identity, participant } = sessionOf(response)
    const memberships = await store.listMemberships(participant.id)
    response.json({
      identity: identity satisfies Identity,
      roles: Object.fromEntries(memberships.map((membership) => [membership.declaration, membership.role])),
      language: participant.language ?? null,
    } satisfies SessionInfo)
  })

  router.put('/language', requireSession(sessions), validateBody(LanguageChoice), async (request, response) => {
    const { language } = request.body as LanguageChoice
    const { participant } = sessionOf(response)
    await store.setParticipantLanguage(participant.id, language)
    response.json({ language } satisfies LanguageChoice)
  })

  router.delete('/', async (request, response) => {
    const session = await sessions.identify(request)
    if (session) {
      await store.deleteSession(session.tokenHash)
      connections.disconnectSession(session.participant.id, session.tokenHash, CloseCode.unauthorized, 'You signed out.')
      log.info('signed_out', { participant: session.participant.id })
    }
    clearSessionCookie(response, context.secureCookies)
    response.status(204).end()
  })

  router.delete('/all', requireSession(sessions), async (_request, response) => {
    const { participant } = sessionOf(response)
    const ended = await store.deleteSessionsOf(participant.id)
    connections.disconnect(participant.id, null, CloseCode.unauthorized, 'You signed out everywhere.')
    log.info('signed_out_everywhere', { participant: participant.id, sessions: ended })
    clearSessionCookie(response, context.secureCookies)
    response.status(204).end()
  })

  return router
}
