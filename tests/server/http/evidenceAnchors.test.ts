import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceBundle, SignaturesView } from '../../../shared/signatures/evidence.js'
import { PublishedKeys } from '../../../shared/signatures/publishedKeys.js'
import { base64, keyIdOf } from '../../../shared/signatures/signatureStatement.js'
import { chainHash, GENESIS_HASH } from '../../../shared/versions/auditChain.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { registeredKey, sign, statementFor } from '../../helpers/signing.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const base = `/api/declarations/${DOC}`
const cli = fileURLToPath(new URL('../../../server/src/verify/verifyMain.ts', import.meta.url))
let server: TestServer
let final: VersionSummary
let bundle: EvidenceBundle
let view: SignaturesView
let dir: string
let keysPath: string

async function signAs(login: string) {
  const token = await startSession(server.url, login)
  const me = (await api(server.url, 'GET', '/api/session', { token })).body as { identity: { id: string; name: string; delegation: { code: string; name: string } } }
  const key = await registeredKey(server.url, token)
  const statement = statementFor({ declaration: DOC, versionId: final.id, versionSha256: final.sha256, keyId: key.keyId, signer: { id: me.identity.id, name: me.identity.name }, delegation: { code: me.identity.delegation.code, name: me.identity.delegation.name } })
  const answer = await api(server.url, 'POST', `${base}/signatures`, { token, body: { statement, signature: await sign(key.pair.privateKey, statement) } })
  if (answer.status !== 201) throw new Error(`signing failed: ${answer.status}`)
}

async function verify(copy: EvidenceBundle, ...anchors: string[]) {
  const path = join(dir, `bundle-${Math.random().toString(36).slice(2)}.json`)
  await writeFile(path, JSON.stringify(copy))
  return promisify(execFile)(process.execPath, ['--import', 'tsx', cli, path, ...anchors]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )
}

/** A bundle made from scratch: the real text, signed with one's own key, with an audit chain of one's own that records it. */
async function forgedBundle(): Promise<EvidenceBundle> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
  const publicKey = base64(await crypto.subtle.exportKey('raw', pair.publicKey))
  const keyId = await keyIdOf(publicKey)
  const real = bundle.signatures[0]!.statement
  const statement = statementFor({ declaration: DOC, versionId: final.id, versionSha256: final.sha256, keyId, signer: real.signer, delegation: real.delegation })
  const signature = await sign(pair.privateKey, statement)
  const bodies = [
    { action: 'version_frozen', details: { version: final.id, sha256: final.sha256, name: bundle.version.name, seq: bundle.version.seq } },
    { action: 'signed', details: { version: final.id, delegation: real.delegation.code, keyId, signature } },
  ]
  const audit: EvidenceBundle['audit'] = []
  for (const [index, body] of bodies.entries()) {
    const entry = { seq: index + 1, at: new Date().toISOString(), actor: null, ...body, previousHash: audit.at(-1)?.hash ?? GENESIS_HASH }
    audit.push({ ...entry, hash: await chainHash(entry) })
  }
  return { ...bundle, signatures: [{ statement, signature, publicKey }], audit }
}

beforeAll(async () => {
  server = await startTestServer()
  dir = await mkdtemp(join(tmpdir(), 'kelisim-anchors-'))
  const chair = await startSession(server.url, 'chair')
  final = ((await api(server.url, 'POST', `${base}/versions`, { token: chair, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
  await api(server.url, 'POST', `${base}/versions/${final.id}/lock`, { token: chair })
  await signAs('signatory-pol')
  await signAs('signatory-usa')
  const observer = await startSession(server.url, 'observer-egy')
  bundle = (await api(server.url, 'GET', `${base}/evidence/${final.id}`, { token: observer })).body as EvidenceBundle
  view = (await api(server.url, 'GET', `${base}/signatures`, { token: observer })).body as SignaturesView
  const keys = await api(server.url, 'GET', `${base}/signatures/keys`, { token: observer })
  expect(keys.status).toBe(200)
  keysPath = join(dir, 'keys.json')
  await writeFile(keysPath, JSON.stringify(PublishedKeys.parse(keys.body)))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await server.destroy()
})

describe('npm run verify against outside anchors', () => {
  it('publishes every signatory key with its delegation, in the form --keys reads', async () => {
    const keys = PublishedKeys.parse(JSON.parse(await readFile(keysPath, 'utf8')))
    expect(keys.declaration).toBe(DOC)
    for (const entry of bundle.signatures) expect(keys.keys).toContainEqual(expect.objectContaining({ keyId: entry.statement.keyId, delegation: entry.statement.delegation }))
  })

  it('says VALID only with the published keys and the printed audit head, and names what each item was checked against', async () => {
    const run = await verify(bundle, '--keys', keysPath, '--audit-head', view.auditHead)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^VALID: all 5 checks passed, against the published key list of .* and audit head [0-9a-f]{64}\.$/m)
    expect(run.stdout).toMatch(/^OK +signature of Poland .*\n +checked against: the published key list; audit entry \d+, at or before the given audit head$/m)
    expect(run.stdout).toMatch(/^OK +audit log: .*\n +checked against: the given audit head [0-9a-f]{64}$/m)
  })

  it('without anchors says consistent, but not authenticated, instead of VALID', async () => {
    const run = await verify(bundle)
    expect(run.code).toBe(3)
    expect(run.stdout).not.toMatch(/VALID/)
    expect(run.stdout).toMatch(/^CONSISTENT, but not authenticated: .*\(give --keys and --audit-head\)\.$/m)
  })

  it('refuses a bundle built from scratch with its own key and audit chain', async () => {
    const forged = await forgedBundle()
    expect((await verify(forged)).code).toBe(3)
    const withKeys = await verify(forged, '--keys', keysPath)
    expect(withKeys.code).toBe(1)
    expect(withKeys.stdout).toMatch(/^FAIL signature of Poland .*: key [0-9a-f]{16} is not in the published key list/m)
    const withHead = await verify(forged, '--audit-head', view.auditHead)
    expect(withHead.code).toBe(1)
    expect(withHead.stdout).toMatch(/^FAIL audit log: the chain does not contain the given audit head/m)
  })

  it('refuses a bundle with a signature and its trailing audit entries removed', async () => {
    const cut = structuredClone(bundle)
    const last = cut.audit.findLastIndex((entry) => entry.action === 'signed')
    cut.signatures = cut.signatures.filter((entry) => entry.signature !== cut.audit[last]!.details.signature)
    cut.audit = cut.audit.slice(0, last)
    expect((await verify(cut)).code).toBe(3)
    const run = await verify(cut, '--keys', keysPath, '--audit-head', view.auditHead)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^FAIL audit log: the chain does not contain the given audit head/m)
  })

  it('refuses a bundle that leaves out a signature the audit log records', async () => {
    const copy = structuredClone(bundle)
    copy.signatures.pop()
    const run = await verify(copy)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^FAIL signatures recorded for "Final text": the audit log records 1 signature missing from this bundle: USA \(entry \d+\)$/m)
  })

  it('reports the entries after the given head as not anchored', async () => {
    const earlier = bundle.audit.at(-2)!
    const run = await verify(bundle, '--keys', keysPath, '--audit-head', earlier.hash)
    expect(run.stdout).toMatch(new RegExp(`the given head is entry ${earlier.seq}; 1 entry after it \\(${earlier.seq + 1}–${earlier.seq + 1}\\) is not anchored`))
    expect(run.stdout).toMatch(/^OK +signature of United States .*\n +checked against: the published key list; audit entry \d+, after the given audit head \(not anchored\)$/m)
  })
})

describe('the published key list', () => {
  it('keeps the key of a signatory who is no longer one, so their signature still verifies', async () => {
    const chair = await startSession(server.url, 'chair')
    const { members } = (await api(server.url, 'GET', `${base}/participants`, { token: chair })).body as { members: { id: string; name: string }[] }
    const emily = members.find((member) => member.name === 'Emily Carter')!.id
    expect((await api(server.url, 'PUT', `${base}/members/${emily}`, { token: chair, body: { role: 'observer' } })).status).toBe(200)
    const keys = PublishedKeys.parse((await api(server.url, 'GET', `${base}/signatures/keys`, { token: chair })).body)
    const usa = bundle.signatures.find((entry) => entry.statement.delegation.code === 'USA')!.statement
    expect(keys.keys).toContainEqual(expect.objectContaining({ keyId: usa.keyId, signer: usa.signer, delegation: usa.delegation }))
  })
})

describe('k of n on the signatures page', () => {
  it('counts every delegation taking part and says which are expected to sign', () => {
    const codes = view.delegations.map((delegation) => delegation.code)
    expect(codes).toEqual(expect.arrayContaining(['POL', 'USA', 'EGY', 'IDN']))
    expect(view.delegations.find((delegation) => delegation.code === 'EGY')).toMatchObject({ expectedToSign: false, signature: null })
    expect(view.delegations.find((delegation) => delegation.code === 'POL')).toMatchObject({ expectedToSign: true })
    expect(view).toMatchObject({ signed: 2, expected: 2, total: view.delegations.length })
    expect(view.total).toBeGreaterThan(view.expected)
  })
})
