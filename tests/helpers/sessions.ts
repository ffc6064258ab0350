/** Starts a visitor session over the real API and returns its bearer token. */
export async function startSession(baseUrl: string, name = 'Test Delegate', delegation = 'KAZ'): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, delegation }),
  })
  if (response.status !== 201) throw new Error(`session failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as { token: string }
  return body.token
}
