import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../../helpers/api.js'
import { holdCommits, type CommitBarrier } from '../../helpers/commitBarrier.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer | undefined
let barrier: CommitBarrier | undefined

afterEach(async () => {
  barrier?.restore()
  barrier = undefined
  await server?.destroy()
  server = undefined
})

interface Members {
  members: Array<{ id: string; login: string; role: string }>
  invitations: Array<{ id: string }>
}

async function participants(token: string): Promise<Members> {
  return (await api(server!.url, 'GET', `/api/declarations/${DOC}/participants`, { token })).body as Members
}

async function start() {
  server = await startTestServer({ invitationTtlMs: 60_000 })
  const chair = await startSession(server.url, 'chair')
  const secretariat = await startSession(server.url, 'secretariat')
  const { members } = await participants(chair)
  const idOf = (login: string) => members.find((member) => member.login === login)!.id
  return { chair, secretariat, idOf }
}

const changeRole = (token: string, participantId: string, role: string) =>
  api(server!.url, 'PUT', `/api/declarations/${DOC}/members/${participantId}`, { token, body: { role } })
const remove = (token: string, participantId: string) => api(server!.url, 'DELETE', `/api/declarations/${DOC}/members/${participantId}`, { token })

describe('checks made in the step that writes, whatever runs at the same time', () => {
  it('two moderators demoting each other at once leave exactly one moderator', async () => {
    const { chair, secretariat, idOf } = await start()
    barrier = holdCommits(2)
    const answers = await Promise.all([changeRole(chair, idOf('secretariat'), 'editor'), changeRole(secretariat, idOf('chair'), 'editor')])
    // The change written second is refused: its author is no longer a moderator.
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403])
    const token = answers[0]!.status === 200 ? chair : secretariat
    expect((await participants(token)).members.filter((member) => member.role === 'moderator')).toHaveLength(1)
  })

  it('a moderator removing the other while being demoted by them leaves one moderator', async () => {
    const { chair, secretariat, idOf } = await start()
    barrier = holdCommits(2)
    const answers = await Promise.all([remove(chair, idOf('secretariat')), changeRole(secretariat, idOf('chair'), 'observer')])
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(1)
    const token = answers[0]!.status === 204 ? chair : secretariat
    expect((await participants(token)).members.filter((member) => member.role === 'moderator')).toHaveLength(1)
  })

  it('a role change that checked before a removal wrote does not bring the removed member back', async () => {
    const { chair, secretariat, idOf } = await start()
    barrier = holdCommits(2)
    const changed = changeRole(chair, idOf('editor-gbr'), 'observer')
    await barrier.arrived(1)
    const removed = await remove(secretariat, idOf('editor-gbr'))
    expect(removed.status).toBe(204)
    expect(await changed).toMatchObject({ status: 404, body: { error: 'unknown_member' } })
    expect((await participants(chair)).members.some((member) => member.login === 'editor-gbr')).toBe(false)
  })

  it('a moderator demoted after their request was checked can no longer remove anyone', async () => {
    const { chair, secretariat, idOf } = await start()
    barrier = holdCommits(2)
    const removed = remove(secretariat, idOf('editor-gbr'))
    await barrier.arrived(1)
    expect((await changeRole(chair, idOf('secretariat'), 'observer')).status).toBe(200)
    expect(await removed).toMatchObject({ status: 403, body: { error: 'forbidden' } })
    expect((await participants(chair)).members.some((member) => member.login === 'editor-gbr')).toBe(true)
  })

  it('a moderator demoted after their invitation was checked invites no one', async () => {
    const { chair, secretariat, idOf } = await start()
    barrier = holdCommits(2)
    const invited = api(server!.url, 'POST', `/api/declarations/${DOC}/invitations`, {
      token: secretariat,
      body: { name: 'Нурлан Абенов', login: 'late-invitee', delegation: 'KAZ', role: 'moderator' },
    })
    await barrier.arrived(1)
    expect((await changeRole(chair, idOf('secretariat'), 'observer')).status).toBe(200)
    expect(await invited).toMatchObject({ status: 403, body: { error: 'forbidden' } })
    expect((await participants(chair)).invitations).toEqual([])
  })

  it('two invitations for one login at once: one is created, the other refused as taken', async () => {
    const { chair, secretariat } = await start()
    barrier = holdCommits(2)
    const body = { name: 'Алия Бекова', login: 'same-login', delegation: 'KAZ', role: 'editor' }
    const answers = await Promise.all([chair, secretariat].map((token) => api(server!.url, 'POST', `/api/declarations/${DOC}/invitations`, { token, body })))
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    expect(answers.find((answer) => answer.status === 409)?.body).toMatchObject({ error: 'login_taken' })
    expect((await participants(chair)).invitations).toHaveLength(1)
  })

  it('two delegations with one code at once: one is added, the other refused as existing', async () => {
    const { chair, secretariat } = await start()
    barrier = holdCommits(2)
    const answers = await Promise.all(
      [['chair', chair], ['secretariat', secretariat]].map(([name, token]) => api(server!.url, 'POST', '/api/delegations', { token, body: { code: 'UZB', name: `Uzbekistan (${name})`, color: '#1f6f43' } })),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const added = answers.find((answer) => answer.status === 201)!.body as { name: string }
    const delegations = (await api(server!.url, 'GET', '/api/delegations', { token: chair })).body as Array<{ code: string; name: string }>
    expect(delegations.filter((delegation) => delegation.code === 'UZB')).toEqual([expect.objectContaining({ name: added.name })])
  })

  it('signing out everywhere counts the sessions it really ended, one started meanwhile included', async () => {
    const { log, lines } = capturedLogger()
    server = await startTestServer({ log })
    const first = await startSession(server.url, 'editor-kaz')
    barrier = holdCommits(2)
    const signedOut = api(server.url, 'DELETE', '/api/session/all', { token: first })
    await barrier.arrived(1)
    const second = await startSession(server.url, 'editor-kaz')
    expect((await signedOut).status).toBe(204)
    expect((await api(server.url, 'GET', '/api/session', { token: second })).status).toBe(401)
    expect(lines.find((line) => line.event === 'signed_out_everywhere')).toMatchObject({ sessions: 2 })
  })

  it('a revocation that checked before the invitation was accepted leaves the new member their role', async () => {
    const { chair } = await start()
    const invited = await api(server!.url, 'POST', `/api/declarations/${DOC}/invitations`, {
      token: chair,
      body: { name: 'Дина Ахметова', login: 'invitee-race', delegation: 'KAZ', role: 'editor' },
    })
    const { id, link } = invited.body as { id: string; link: string }
    barrier = holdCommits(2)
    const revoked = api(server!.url, 'DELETE', `/api/declarations/${DOC}/invitations/${id}`, { token: chair })
    await barrier.arrived(1)
    const accepted = await api(server!.url, 'POST', `/api/invitations/${link.split('/invite/')[1]}/accept`, { body: { password: 'a long enough password' } })
    expect(accepted.status).toBe(201)
    expect(await revoked).toMatchObject({ status: 404, body: { error: 'unknown_invitation' } })
    const invitee = await startSession(server!.url, 'invitee-race', 'a long enough password')
    expect((await api(server!.url, 'GET', '/api/session', { token: invitee })).body).toMatchObject({ roles: { [DOC]: 'editor' } })
  })
})
