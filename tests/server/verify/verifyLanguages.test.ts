import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { startSession } from '../../helpers/sessions.js'
import { registeredKey, sign, statementFor } from '../../helpers/signing.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const base = `/api/declarations/${DOC}`
const cli = fileURLToPath(new URL('../../../server/src/verify/verifyMain.ts', import.meta.url))
let server: TestServer
let dir: string
let good: string
let tampered: string
let keys: string
let head: string

beforeAll(async () => {
  server = await startTestServer()
  dir = await mkdtemp(join(tmpdir(), 'kelisim-verify-'))
  const chair = await startSession(server.url, 'chair')
  const final = ((await api(server.url, 'POST', `${base}/versions`, { token: chair, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
  await api(server.url, 'POST', `${base}/versions/${final.id}/lock`, { token: chair })
  const token = await startSession(server.url, 'signatory-pol')
  const me = (await api(server.url, 'GET', '/api/session', { token })).body as { identity: { id: string; name: string; delegation: { code: string; name: string } } }
  const key = await registeredKey(server.url, token)
  const statement = statementFor({ declaration: DOC, versionId: final.id, versionSha256: final.sha256, keyId: key.keyId, signer: { id: me.identity.id, name: me.identity.name }, delegation: { code: me.identity.delegation.code, name: me.identity.delegation.name } })
  expect((await api(server.url, 'POST', `${base}/signatures`, { token, body: { statement, signature: await sign(key.pair.privateKey, statement) } })).status).toBe(201)
  const bundle = (await api(server.url, 'GET', `${base}/evidence/${final.id}`, { token: chair })).body as EvidenceBundle
  head = bundle.audit.at(-1)!.hash
  good = join(dir, 'good.json')
  tampered = join(dir, 'tampered.json')
  keys = join(dir, 'keys.json')
  await writeFile(good, JSON.stringify(bundle))
  await writeFile(tampered, JSON.stringify({ ...bundle, version: { ...bundle.version, serialized: bundle.version.serialized.replace('Recalling', 'Recal1ing') } }))
  await writeFile(keys, JSON.stringify((await api(server.url, 'GET', `${base}/signatures/keys`, { token: chair })).body))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await server.destroy()
})

/** Runs `npm run verify` as a person would, with a language environment of its own. */
function verify(args: string[], lang = 'C.UTF-8') {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' }
  return promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  )
}

describe('npm run verify in the reader’s language', () => {
  it('prints its verdict in Russian with --lang=ru, with Russian plural forms', async () => {
    const valid = await verify([good, '--keys', keys, '--audit-head', head, '--lang=ru'])
    expect(valid.code).toBe(0)
    expect(valid.stdout).toMatch(/^OK +текст «Final text»: SHA-256 [0-9a-f]{64}, форма 2 \(текст и состояние переговоров\)$/m)
    expect(valid.stdout).toMatch(/^OK +подпись делегации «Poland» \(Katarzyna Nowak\): действительная подпись Ed25519, ключ [0-9a-f]{16}, подписано .*\n +проверено по: опубликованный список ключей; запись журнала \d+, не позднее указанной вершины$/m)
    expect(valid.stdout).toMatch(/^ДЕЙСТВИТЕЛЬНО: пройдены все 4 проверки по следующему: опубликованный список ключей от .* и вершина журнала аудита [0-9a-f]{64}\.$/m)
    const invalid = await verify([tampered, '--lang=ru'])
    expect(invalid.code).toBe(1)
    expect(invalid.stdout).toMatch(/^СБОЙ +текст «Final text»: хеш текста — [0-9a-f]{64}, а не записанный [0-9a-f]{64}$/m)
    expect(invalid.stdout).toMatch(/^НЕДЕЙСТВИТЕЛЬНО: не пройдено \d из 4 проверок\.$/m)
  })

  it('speaks Kazakh when LANG says so, and --lang overrides it', async () => {
    const consistent = await verify([good], 'kk_KZ.UTF-8')
    expect(consistent.code).toBe(3)
    expect(consistent.stdout).toMatch(/^OK +«Final text» мәтіні: SHA-256 [0-9a-f]{64}, 2-пішін \(мәтін және оның келіссөз күйі\)$/m)
    expect(consistent.stdout).toMatch(/^ҮЙЛЕСІМДІ, бірақ расталмаған: .* тек топтаманың өзіне қарап тексерілді \(--keys және --audit-head көрсетіңіз\)\.$/m)
    const english = await verify([good, '--lang=en'], 'kk_KZ.UTF-8')
    expect(english.stdout).toMatch(/^CONSISTENT, but not authenticated: .* were checked only against the bundle itself \(give --keys and --audit-head\)\.$/m)
  })

  it('refuses a language it does not speak, saying so in the environment’s language', async () => {
    const refused = await verify([good, '--lang=de'], 'ru_RU.UTF-8')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--lang принимает en, kk или ru.')
    expect(refused.stderr).toContain('Использование: npm run verify')
  })
})
