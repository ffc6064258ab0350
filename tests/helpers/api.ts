/** A JSON answer from the real API. */
export interface ApiAnswer {
  status: number
  headers: Headers
  body: unknown
}

/** Calls the API at `baseUrl` with JSON, as a non-browser client would (no Origin), unless headers say otherwise. */
export async function api(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  if (body !== undefined) headers['Content-Type'] ??= 'application/json'
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body })
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  return { status: response.status, headers: response.headers, body: parsed }
}
