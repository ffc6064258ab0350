import type { Request, Response } from 'express'
import { defaultLanguage, Language } from '../../../shared/i18n/languages.js'
import { ApiProblem } from '../http/ApiProblem.js'

/** The language to answer a request in: the person's choice carried by the session, else the browser's Accept-Language, else English. */
export function requestLanguage(request: Request, response: Response): Language {
  // Read loosely: a session carries a language only once the person has chosen one.
  const chosen = Language.safeParse(response.locals.session?.language)
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
