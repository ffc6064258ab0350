import { DEMO_PASSWORD } from '../../server/src/seed/demoAccounts.js'

/** Signs in over the real API (a demo account by default) and returns the bearer token. */
export async function startSession(baseUrl: string, login = 'chair', password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  })
  if (response.status !== 201) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as { token: string }
  return body.token
}
