import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
let chair: string
let editor: string

beforeAll(async () => {
  server = await startTestServer()
  chair = await startSession(server.url, 'chair')
  editor = await startSession(server.url, 'editor-gbr')
})
afterAll(() => server.destroy())

const inLanguage = (language: string) => ({ 'Accept-Language': language })
const delegation = { code: 'KAZ', name: 'Kazakhstan', color: '#00afca' }

/** The four answers the tests read, asked for in one language. */
async function answers(language: string) {
  return {
    missingField: await api(server.url, 'POST', '/api/session', { body: { login: 'chair' }, headers: inLanguage(language) }),
    emptyName: await api(server.url, 'POST', '/api/declarations/almaty-declaration/invitations', { token: chair, body: { name: '', login: 'new-person', delegation: 'GBR', role: 'observer' }, headers: inLanguage(language) }),
    forbidden: await api(server.url, 'POST', '/api/delegations', { token: editor, body: { ...delegation, code: 'XYZ' }, headers: inLanguage(language) }),
    conflict: await api(server.url, 'POST', '/api/delegations', { token: chair, body: delegation, headers: inLanguage(language) }),
  }
}

describe('API error messages in the reader’s language', () => {
  it('answers in Russian: a 400 from the schema, a 403 and a 409, each with its stable code', async () => {
    const ru = await answers('ru-RU,ru;q=0.9,en;q=0.5')
    expect(ru.missingField).toMatchObject({ status: 400, body: { error: 'invalid_body', message: 'password: значение обязательно' } })
    expect(ru.emptyName).toMatchObject({ status: 400, body: { error: 'invalid_body', message: 'name: длина — не менее 1 символа' } })
    expect(ru.forbidden).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'Добавлять делегации могут только модераторы.' } })
    expect(ru.conflict).toMatchObject({ status: 409, body: { error: 'delegation_exists', message: 'Делегация с кодом KAZ уже существует.' } })
    expect(ru.conflict.headers.get('content-language')).toBe('ru')
  })

  it('answers in Kazakh', async () => {
    const kk = await answers('kk-KZ')
    expect(kk.missingField).toMatchObject({ status: 400, body: { error: 'invalid_body', message: 'password: мән міндетті' } })
    expect(kk.emptyName).toMatchObject({ status: 400, body: { error: 'invalid_body', message: 'name: ұзындығы кемінде 1 таңба болуы керек' } })
    expect(kk.forbidden).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'Делегацияларды тек модераторлар қоса алады.' } })
    expect(kk.conflict).toMatchObject({ status: 409, body: { error: 'delegation_exists', message: 'KAZ кодты делегация бұрыннан бар.' } })
    expect(kk.conflict.headers.get('content-language')).toBe('kk')
  })

  it('answers in English when the browser asks for a language the server does not speak, or for none', async () => {
    for (const language of ['de-DE', '']) {
      const en = await answers(language)
      expect(en.missingField.body).toEqual({ error: 'invalid_body', message: 'password: a value is required' })
      expect(en.forbidden.body).toEqual({ error: 'forbidden', message: 'Only moderators add delegations.' })
      expect(en.conflict.body).toEqual({ error: 'delegation_exists', message: 'A delegation with code KAZ exists.' })
    }
  })

  it('answers in the language the signed-in person chose, whatever the browser asks for, until they choose another', async () => {
    const observer = await startSession(server.url, 'observer-idn')
    const refusal = () => api(server.url, 'POST', '/api/delegations', { token: observer, body: { ...delegation, code: 'XYZ' }, headers: inLanguage('ru') })
    expect(await api(server.url, 'PUT', '/api/session/language', { token: observer, body: { language: 'kk' } })).toMatchObject({ status: 200 })
    const kk = await refusal()
    expect(kk.body).toMatchObject({ error: 'forbidden', message: 'Делегацияларды тек модераторлар қоса алады.' })
    expect(kk.headers.get('content-language')).toBe('kk')
    await api(server.url, 'PUT', '/api/session/language', { token: observer, body: { language: 'en' } })
    expect((await refusal()).body).toMatchObject({ error: 'forbidden', message: 'Only moderators add delegations.' })
  })

  it('reads a refused session in the browser’s language too, before anyone is signed in', async () => {
    const answer = await api(server.url, 'GET', '/api/session', { headers: inLanguage('ru') })
    expect(answer).toMatchObject({ status: 401, body: { error: 'unauthenticated', message: 'Сначала войдите в систему.' } })
  })
})
