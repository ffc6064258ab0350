import type { Request, Response } from 'express'
import { defaultLanguage, Language } from '../../../shared/i18n/languages.js'
import { ApiProblem } from '../http/ApiProblem.js'
import type { Session } from '../sessions/SessionService.js'

/** The language to answer a request in: the signed-in person's chosen language (kept on their participant record), else the browser's Accept-Language, else English. */
export function requestLanguage(request: Request, response: Response): Language {
  // Read loosely: a participant has a language only once they have chosen one, and a request may have no session.
  const session = response.locals.session as Partial<Session> | undefined
  const chosen = Language.safeParse(session?.participant?.language)
  if (chosen.success) return chosen.data
  const accepted = request.acceptsLanguages(...Language.options)
  return accepted ? Language.parse(accepted) : defaultLanguage
}

/** The language an export is labelled in: `?lang=` when given (400 when it is not one the server speaks), else the request's language. */
export function exportLanguage(request: Request, response: Response): Language {
  if (request.query.lang === undefined) return requestLanguage(request, response)
  const asked = Language.safeParse(request.query.lang)
  if (!asked.success) throw new ApiProblem(400, 'bad_language', { languages: Language.options.join(', ') })
  return asked.data
}
