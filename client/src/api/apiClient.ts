import { getI18n } from 'react-i18next'
import { z } from 'zod'
import { ApiError } from '../../../shared/api/schemas.js'

/** An API call that failed, with the server's code and sentence. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Calls the JSON API and validates the answer against its shared schema. */
export async function callApi<T extends z.ZodType>(
  path: string,
  schema: T,
  init: { method?: string; body?: unknown } = {},
): Promise<z.infer<T>> {
  const response = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  })
  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (!response.ok) {
    const problem = ApiError.safeParse(payload)
    throw new ApiRequestError(
      response.status,
      problem.success ? problem.data.error : 'http_error',
      // Not JSON: a proxy or the network answered, so the words come from the interface's own catalogue.
      problem.success ? problem.data.message : getI18n().t('app.serverAnswered', { status: response.status }),
    )
  }
  return schema.parse(payload)
}

/** For calls that answer nothing. */
export const NoContent = z.null()
