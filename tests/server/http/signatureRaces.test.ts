import { afterAll, describe, expect, it, vi } from 'vitest'
import type { SignatureRecord } from '../../../server/src/store/Store.js'
import { FileSignatureStore } from '../../../server/src/store/FileSignatureStore.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { registeredKey, sign, statementFor } from '../../helpers/signing.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const base = `/api/declarations/${DOC}`
let server: TestServer | undefined
afterAll(() => server?.destroy())

describe('a signature racing an unlock', () => {
  it('is refused when the draft was unlocked after the signature was checked but before it was stored', async () => {
    server = await startTestServer()
    const moderator = await startSession(server.url, 'chair')
    const final = ((await api(server.url, 'POST', `${base}/versions`, { token: moderator, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
    expect((await api(server.url, 'POST', `${base}/versions/${final.id}/lock`, { token: moderator })).status).toBe(200)
    const token = await startSession(server.url, 'signatory-pol')
    const { identity } = (await api(server.url, 'GET', '/api/session', { token })).body as { identity: { id: string; name: string; delegation: { code: string; name: string } } }
    const key = await registeredKey(server.url, token)
    const statement = statementFor({ declaration: DOC, versionId: final.id, versionSha256: final.sha256, keyId: key.keyId, signer: { id: identity.id, name: identity.name }, delegation: { code: identity.delegation.code, name: identity.delegation.name } })

    // The signature has passed every check in the route; it is held just before the store takes it.
    let arrived!: () => void
    const atStore = new Promise<void>((resolve) => (arrived = resolve))
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const original = FileSignatureStore.prototype.append
    const spy = vi.spyOn(FileSignatureStore.prototype, 'append').mockImplementation(async function (this: FileSignatureStore, ...args: Parameters<typeof original>) {
      arrived()
      await gate
      return original.apply(this, args)
    })
    try {
      const signed = api(server.url, 'POST', `${base}/signatures`, { token, body: { statement, signature: await sign(key.pair.privateKey, statement) } })
      await Promise.race([atStore, signed.then((answer) => Promise.reject(new Error(`answered before the store: ${JSON.stringify(answer.body)}`)))])
      expect((await api(server.url, 'POST', `${base}/versions/unlock`, { token: moderator, body: { name: 'Round 2' } })).status).toBe(201)
      release()
      expect(await signed).toMatchObject({ status: 409, body: { error: 'not_locked' } })
    } finally {
      spy.mockRestore()
    }
    const evidence = (await api(server.url, 'GET', `${base}/evidence/${final.id}`, { token: moderator })).body as { signatures: SignatureRecord[] }
    expect(evidence.signatures).toEqual([])
  })
})
