import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignaturesView } from '../../../shared/signatures/evidence.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let moderator: string

beforeAll(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url, 'chair')
})
afterAll(() => server.destroy())

const view = async () => (await api(server.url, 'GET', `/api/declarations/${DOC}/signatures`, { token: moderator })).body as SignaturesView
const kazakhstan = (signatures: SignaturesView) => signatures.delegations.find((delegation) => delegation.code === 'KAZ')

describe('"k of n" on the signatures page and in the exports', () => {
  it('counts a delegation as expected to sign only once its signatory has accepted the invitation', async () => {
    const before = await view()
    expect(kazakhstan(before)?.expectedToSign).toBe(false)
    const invited = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, {
      token: moderator,
      body: { name: 'Айдана Серікқызы', login: 'signatory-kaz', delegation: 'KAZ', role: 'signatory' },
    })
    expect(invited.status).toBe(201)

    const pending = await view()
    expect([pending.expected, pending.total, kazakhstan(pending)?.expectedToSign]).toEqual([before.expected, before.total, false])

    const token = (invited.body as { link: string }).link.split('/invite/')[1]!
    expect((await api(server.url, 'POST', `/api/invitations/${token}/accept`, { body: { password: 'a long enough password' } })).status).toBe(201)
    const accepted = await view()
    expect([accepted.expected, accepted.total, kazakhstan(accepted)?.expectedToSign]).toEqual([before.expected + 1, before.total, true])
  })

  it('leaves out a delegation whose only member has not accepted an invitation yet', async () => {
    const before = await view()
    expect((await api(server.url, 'POST', '/api/delegations', { token: moderator, body: { code: 'FRA', name: 'France', color: '#1f4e9c' } })).status).toBe(201)
    const invited = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, {
      token: moderator,
      body: { name: 'Chloé Martin', login: 'signatory-fra', delegation: 'FRA', role: 'signatory' },
    })
    expect(invited.status).toBe(201)
    const pending = await view()
    expect([pending.expected, pending.total, pending.delegations.some((delegation) => delegation.code === 'FRA')]).toEqual([before.expected, before.total, false])
  })
})
