import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceBundle, SignaturesView } from '../../../shared/signatures/evidence.js'
import type { SignatureStatement } from '../../../shared/signatures/signatureStatement.js'
import { verifyEvidence } from '../../../shared/signatures/verifyEvidence.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { registeredKey, sign, statementFor } from '../../helpers/signing.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const base = `/api/declarations/${DOC}`
let server: TestServer
let moderator: string
let final: VersionSummary

async function signatoryOf(login: string) {
  const token = await startSession(server.url, login)
  const me = (await api(server.url, 'GET', '/api/session', { token })).body as { identity: { id: string; name: string; delegation: { code: string; name: string } } }
  const key = await registeredKey(server.url, token)
  const statement = (overrides: Partial<SignatureStatement> = {}) =>
    statementFor(
      { declaration: DOC, versionId: final.id, versionSha256: final.sha256, keyId: key.keyId, signer: { id: me.identity.id, name: me.identity.name }, delegation: { code: me.identity.delegation.code, name: me.identity.delegation.name } },
      overrides,
    )
  const post = async (body: unknown) => api(server.url, 'POST', `${base}/signatures`, { token, body })
  return { token, key, statement, post }
}

beforeAll(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url, 'chair')
  await api(server.url, 'POST', `${base}/versions`, { token: moderator, body: { name: 'Rev.1' } })
  final = ((await api(server.url, 'POST', `${base}/versions`, { token: moderator, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
  await api(server.url, 'POST', `${base}/versions/${final.id}/lock`, { token: moderator })
})
afterAll(() => server.destroy())

describe('signatures', () => {
  it('accepts a valid signature with a reservation ad referendum, shows it on the signatures page, and refuses a second for the delegation', async () => {
    const poland = await signatoryOf('signatory-pol')
    const statement = poland.statement({ adReferendum: true, reservation: 'Poland reserves its position on OP4.' })
    expect(await poland.post({ statement, signature: await sign(poland.key.pair.privateKey, statement) })).toMatchObject({ status: 201 })
    const view = (await api(server.url, 'GET', `${base}/signatures`, { token: await startSession(server.url, 'observer-idn') })).body as SignaturesView
    expect(view.version).toEqual({ id: final.id, name: 'Final text', sha256: final.sha256 })
    expect(view.delegations.find((delegation) => delegation.code === 'POL')?.signature).toMatchObject({ signer: 'Katarzyna Nowak', adReferendum: true, reservation: 'Poland reserves its position on OP4.', fingerprint: expect.stringMatching(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/) })
    expect(view).toMatchObject({ signed: 1, expected: 2, auditHead: expect.stringMatching(/^[0-9a-f]{64}$/) })

    const again = poland.statement()
    expect(await poland.post({ statement: again, signature: await sign(poland.key.pair.privateKey, again) })).toMatchObject({ status: 409, body: { error: 'already_signed' } })
  })

  it("refuses tampered text, a changed reservation or ad referendum flag, another's key, another version, and the wrong signer", async () => {
    const usa = await signatoryOf('signatory-usa')
    const good = usa.statement({ reservation: 'None.' })
    const signature = await sign(usa.key.pair.privateKey, good)
    const other = await registeredKey(server.url, await startSession(server.url, 'signatory-pol'))
    const cases: [string, unknown, string][] = [
      ['tampered text hash', { statement: { ...good, versionSha256: '0'.repeat(64) }, signature }, 'wrong_hash'],
      ['a changed reservation', { statement: { ...good, reservation: 'All of it.' }, signature }, 'bad_signature'],
      ['a changed ad referendum flag', { statement: { ...good, adReferendum: true }, signature }, 'bad_signature'],
      ["another person's key", { statement: { ...good, keyId: other.keyId }, signature }, 'wrong_key'],
      ['a replay onto another version', { statement: { ...good, versionId: 'another-version' }, signature }, 'wrong_version'],
      ['another signer', { statement: { ...good, signer: { id: 'someone', name: 'Someone' } }, signature }, 'wrong_signer'],
      ['another delegation', { statement: { ...good, delegation: { code: 'KAZ', name: 'Kazakhstan' } }, signature }, 'wrong_delegation'],
      ['an old time', { statement: { ...good, signedAt: '2020-01-01T00:00:00.000Z' }, signature }, 'wrong_time'],
      ['a mangled signature', { statement: good, signature: `${'A'.repeat(86)}==` }, 'bad_signature'],
    ]
    for (const [name, body, code] of cases) {
      expect(await usa.post(body), name).toMatchObject({ status: 400, body: { error: code } })
    }
    expect(await usa.post({ statement: good, signature })).toMatchObject({ status: 201 })
  })

  it('is only for signatories, and only on a locked version', async () => {
    const editorToken = await startSession(server.url, 'editor-gbr')
    expect((await api(server.url, 'POST', `${base}/signatures`, { token: editorToken, body: {} })).status).toBe(400)
    const key = await registeredKey(server.url, editorToken)
    const statement = statementFor({ declaration: DOC, versionId: final.id, versionSha256: final.sha256, keyId: key.keyId, signer: { id: 'x', name: 'James Whitfield' }, delegation: { code: 'GBR', name: 'United Kingdom' } })
    expect((await api(server.url, 'POST', `${base}/signatures`, { token: editorToken, body: { statement, signature: await sign(key.pair.privateKey, statement) } })).status).toBe(403)
  })
})

describe('the evidence bundle and npm run verify', () => {
  let bundle: EvidenceBundle
  let dir: string
  const cli = fileURLToPath(new URL('../../../server/src/verify/verifyMain.ts', import.meta.url))

  beforeAll(async () => {
    bundle = (await api(server.url, 'GET', `${base}/evidence/${final.id}`, { token: await startSession(server.url, 'observer-egy') })).body as EvidenceBundle
    dir = await mkdtemp(join(tmpdir(), 'kelisim-bundle-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('verifies a good bundle: text, every signature, the audit chain', async () => {
    expect(bundle.signatures).toHaveLength(2)
    const checks = await verifyEvidence(bundle)
    expect(checks.map((check) => check.ok)).toEqual([true, true, true, true, true])
    const path = join(dir, 'good.json')
    await writeFile(path, JSON.stringify(bundle))
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, path]).catch((error: { stdout: string }) => error)
    expect(stdout).toMatch(/^OK +text of "Final text": SHA-256 [0-9a-f]{64}, form 2 \(the text and its negotiation state\)$/m)
    expect(stdout).toMatch(/^CONSISTENT, but not authenticated:/m)
  })

  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1)
  const tamperings: [string, (copy: EvidenceBundle) => void, RegExp][] = [
    ['one character of the text', (copy) => (copy.version.serialized = copy.version.serialized.replace('Recalling', 'Recal1ing')), /^FAIL text of "Final text": the text hashes to/m],
    ['the recorded hash', (copy) => (copy.version.sha256 = flip(copy.version.sha256, 5)), /^FAIL text of "Final text"/m],
    ['a reservation', (copy) => (copy.signatures[0]!.statement.reservation = 'Poland reserves nothing.'), /^FAIL signature of Poland \(Katarzyna Nowak\): the Ed25519 signature does not match/m],
    ['a signature', (copy) => (copy.signatures[1]!.signature = flip(copy.signatures[1]!.signature, 10)), /^FAIL signature of United States \(Emily Carter\)/m],
    ['a public key', (copy) => (copy.signatures[0]!.publicKey = flip(copy.signatures[0]!.publicKey, 3)), /^FAIL signature of Poland .*the public key is not the key/m],
    ['an audit entry', (copy) => (copy.audit[1]!.details = { ...copy.audit[1]!.details, name: 'Rev.X' }), /^FAIL audit log: entry 2: its content does not match its hash/m],
    ['a truncated audit log', (copy) => copy.audit.splice(1, 1), /^FAIL audit log: entry 3: entry 2 is missing or out of order/m],
  ]

  it.each(tamperings)('fails and says where when %s is changed', async (_name, tamper, expected) => {
    const copy = structuredClone(bundle)
    tamper(copy)
    const path = join(dir, 'tampered.json')
    await writeFile(path, JSON.stringify(copy))
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, path]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(expected)
    expect(run.stdout).toMatch(/^INVALID: \d+ of 5 checks failed\.$/m)
  })
})
