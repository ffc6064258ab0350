import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let moderator: string
let counter = 0

beforeAll(async () => {
  server = await startTestServer({ invitationTtlMs: 60_000 })
  moderator = await startSession(server.url, 'chair')
})
afterAll(() => server.destroy())

async function invite(target = server, token = moderator, role = 'editor') {
  counter += 1
  const answer = await api(target.url, 'POST', `/api/declarations/${DOC}/invitations`, {
    token,
    body: { name: 'Айдана Серікқызы', login: `invitee-${counter}`, delegation: 'KAZ', role },
  })
  expect(answer.status).toBe(201)
  const body = answer.body as { id: string; link: string; login: string }
  return { ...body, token: body.link.split('/invite/')[1]! }
}

const accept = (token: string, password = 'a long enough password', target = server) =>
  api(target.url, 'POST', `/api/invitations/${token}/accept`, { body: { password } })

describe('invitation links', () => {
  it('let the invitee see the invitation, set a password once, and sign in with it', async () => {
    const invitation = await invite()
    expect(invitation.link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{40,}$`))
    const preview = await api(server.url, 'GET', `/api/invitations/${invitation.token}`)
    expect(preview.body).toMatchObject({ name: 'Айдана Серікқызы', role: 'editor', declaration: DOC, declarationTitle: 'Almaty Declaration on Inclusive Education' })
    const accepted = await accept(invitation.token)
    expect(accepted).toMatchObject({ status: 201, body: { declaration: DOC } })
    expect(accepted.headers.get('set-cookie')).toMatch(/kelisim_session=/)
    const token = await startSession(server.url, invitation.login, 'a long enough password')
    const me = await api(server.url, 'GET', '/api/session', { token })
    expect(me.body).toMatchObject({ roles: { [DOC]: 'editor' } })
  })

  it('are single use', async () => {
    const invitation = await invite()
    expect((await accept(invitation.token)).status).toBe(201)
    expect(await accept(invitation.token, 'another long password')).toMatchObject({ status: 404, body: { error: 'invitation_unusable' } })
    expect((await api(server.url, 'GET', `/api/invitations/${invitation.token}`)).status).toBe(404)
    await expect(startSession(server.url, invitation.login, 'another long password')).rejects.toThrow(/401/)
  })

  it('refuse forged, revoked and too-short-password attempts, changing nothing', async () => {
    expect((await api(server.url, 'GET', '/api/invitations/forged-token-that-does-not-exist')).status).toBe(404)
    expect((await accept('forged-token-that-does-not-exist')).status).toBe(404)
    expect((await api(server.url, 'GET', `/api/invitations/${'x'.repeat(5000)}`)).status).toBe(404)
    const invitation = await invite()
    expect(await accept(invitation.token, 'short')).toMatchObject({ status: 400, body: { error: 'invalid_body' } })
    expect((await api(server.url, 'DELETE', `/api/declarations/${DOC}/invitations/${invitation.id}`, { token: moderator })).status).toBe(204)
    expect((await accept(invitation.token)).status).toBe(404)
    const view = await api(server.url, 'GET', `/api/declarations/${DOC}/participants`, { token: moderator })
    expect(JSON.stringify(view.body)).not.toContain(invitation.login)
  })

  it('expire', async () => {
    const shortLived = await startTestServer({ invitationTtlMs: 300 })
    try {
      const invitation = await invite(shortLived, await startSession(shortLived.url, 'chair'))
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect((await accept(invitation.token, undefined, shortLived)).status).toBe(404)
    } finally {
      await shortLived.destroy()
    }
  })

  it('refuse a login that is taken', async () => {
    const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/invitations`, {
      token: moderator,
      body: { name: 'Copy', login: 'editor-gbr', delegation: 'GBR', role: 'editor' },
    })
    expect(answer).toMatchObject({ status: 409, body: { error: 'login_taken' } })
  })
})

describe('changes of access end open connections', () => {
  async function connectedAs(login: string, password?: string) {
    const client = connectClient(server.wsUrl, DOC, await startSession(server.url, login, password))
    await whenSynced(client)
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.provider.on('closed', resolve))
    return { client, closed }
  }

  async function memberId(login: string): Promise<string> {
    const view = await api(server.url, 'GET', `/api/declarations/${DOC}/participants`, { token: moderator })
    return (view.body as { members: { id: string; login: string }[] }).members.find((member) => member.login === login)!.id
  }

  it("a role change closes the person's sockets with 'role changed'", async () => {
    const { client, closed } = await connectedAs('observer-egy')
    const answer = await api(server.url, 'PUT', `/api/declarations/${DOC}/members/${await memberId('observer-egy')}`, { token: moderator, body: { role: 'editor' } })
    expect(answer.status).toBe(200)
    expect(await closed).toMatchObject({ code: CloseCode.roleChanged })
    client.destroy()
  })

  it('removal closes them with "forbidden", and the person can no longer connect', async () => {
    const invitation = await invite()
    await accept(invitation.token)
    const { client, closed } = await connectedAs(invitation.login, 'a long enough password')
    expect((await api(server.url, 'DELETE', `/api/declarations/${DOC}/members/${await memberId(invitation.login)}`, { token: moderator })).status).toBe(204)
    expect(await closed).toMatchObject({ code: CloseCode.forbidden })
    client.destroy()
    const token = await startSession(server.url, invitation.login, 'a long enough password')
    expect((await api(server.url, 'GET', `/api/declarations/${DOC}`, { token })).status).toBe(403)
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${DOC}`, { headers: { Authorization: `Bearer ${token}` } })
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      ws.on('open', () => resolve(101))
    })
    expect(refused).toBe(403)
  })

  it('signing out everywhere closes them with "unauthorized"', async () => {
    const { client, closed } = await connectedAs('editor-chn')
    expect((await api(server.url, 'DELETE', '/api/session/all', { token: await startSession(server.url, 'editor-chn') })).status).toBe(204)
    expect(await closed).toMatchObject({ code: CloseCode.unauthorized })
    client.destroy()
  })

  it('the last moderator cannot be demoted or removed', async () => {
    const solo = await startTestServer()
    try {
      const token = await startSession(solo.url, 'chair')
      const view = await api(solo.url, 'GET', `/api/declarations/${DOC}/participants`, { token })
      const members = (view.body as { members: { id: string; login: string; role: string }[] }).members
      const secretariat = members.find((member) => member.login === 'secretariat')!
      const chair = members.find((member) => member.login === 'chair')!
      expect((await api(solo.url, 'DELETE', `/api/declarations/${DOC}/members/${secretariat.id}`, { token })).status).toBe(204)
      expect(await api(solo.url, 'PUT', `/api/declarations/${DOC}/members/${chair.id}`, { token, body: { role: 'editor' } })).toMatchObject({ status: 409, body: { error: 'last_moderator' } })
      expect((await api(solo.url, 'DELETE', `/api/declarations/${DOC}/members/${chair.id}`, { token })).status).toBe(409)
    } finally {
      await solo.destroy()
    }
  })
})
