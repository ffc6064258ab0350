import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer | null = null
afterEach(async () => {
  await server?.destroy()
  server = null
})

const language = async (url: string, token: string) => ((await api(url, 'GET', '/api/session', { token })).body as { language: unknown }).language

describe('the interface language a person chose', () => {
  it('is none until chosen, then kept per person across sessions and a restart', async () => {
    server = await startTestServer()
    const laptop = await startSession(server.url, 'editor-kaz')
    const other = await startSession(server.url, 'editor-gbr')
    expect(await language(server.url, laptop)).toBeNull()

    const chosen = await api(server.url, 'PUT', '/api/session/language', { token: laptop, body: { language: 'kk' } })
    expect(chosen).toMatchObject({ status: 200, body: { language: 'kk' } })
    expect(await language(server.url, await startSession(server.url, 'editor-kaz'))).toBe('kk')
    expect(await language(server.url, other)).toBeNull()

    const { dataDir } = server
    await server.close()
    server = await startTestServer({ dataDir })
    expect(await language(server.url, laptop)).toBe('kk')
  })

  it('refuses a language the interface does not speak, or extra fields, with a clear error, and keeps the choice', async () => {
    server = await startTestServer()
    const token = await startSession(server.url, 'observer-egy')
    await api(server.url, 'PUT', '/api/session/language', { token, body: { language: 'ru' } })
    for (const body of [{ language: 'ar' }, { language: 'RU' }, { language: 'ru', login: 'chair' }, {}]) {
      const refused = await api(server.url, 'PUT', '/api/session/language', { token, body })
      expect(refused.status).toBe(400)
      expect(refused.body).toMatchObject({ error: 'invalid_body', message: expect.any(String) })
    }
    expect(await language(server.url, token)).toBe('ru')
    expect((await api(server.url, 'PUT', '/api/session/language', { body: { language: 'kk' } })).status).toBe(401)
  })
})
