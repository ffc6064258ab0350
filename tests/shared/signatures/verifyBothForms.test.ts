import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import { base64 } from '../../../shared/signatures/signatureStatement.js'
import { verifyEvidence, type VerifyMessage } from '../../../shared/signatures/verifyEvidence.js'
import { translator } from '../../../server/src/i18n/serverI18n.js'
import { chainHash, GENESIS_HASH } from '../../../shared/versions/auditChain.js'
import { keyIdOf } from '../../../shared/signatures/signatureStatement.js'
import { sign, statementFor } from '../../helpers/signing.js'

const golden = (name: string) => JSON.parse(readFileSync(new URL(`../versions/golden/${name}`, import.meta.url), 'utf8')) as { serialized: string; sha256: string }
/** A verify message in English words, as the command prints it. */
const words = (message: VerifyMessage) => translator('verify', 'en').t(message.key, message.values)
const cli = fileURLToPath(new URL('../../../server/src/verify/verifyMain.ts', import.meta.url))

/** A bundle for a version frozen in the given form, signed by one delegation, with the audit chain that records both. */
async function bundleOf(frozen: { serialized: string; sha256: string }): Promise<EvidenceBundle> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
  const publicKey = base64(await crypto.subtle.exportKey('raw', pair.publicKey))
  const keyId = await keyIdOf(publicKey)
  const version = { id: 'version-1', seq: 1, name: 'Final text', serialized: frozen.serialized, sha256: frozen.sha256 }
  const statement = statementFor({ declaration: 'almaty-declaration', versionId: version.id, versionSha256: version.sha256, keyId, signer: { id: 'p1', name: 'Katarzyna Nowak' }, delegation: { code: 'POL', name: 'Poland' } })
  const signature = await sign(pair.privateKey, statement)
  const bodies = [
    { action: 'version_frozen', details: { version: version.id, seq: 1, name: version.name, sha256: version.sha256 } },
    { action: 'signed', details: { version: version.id, delegation: 'POL', keyId, signature } },
  ]
  const audit: EvidenceBundle['audit'] = []
  for (const [index, body] of bodies.entries()) {
    const entry = { seq: index + 1, at: '2026-12-01T21:30:00.000Z', actor: { id: 'p1', name: 'Katarzyna Nowak', delegation: 'POL' }, ...body, previousHash: audit.at(-1)?.hash ?? GENESIS_HASH }
    audit.push({ ...entry, hash: await chainHash(entry) })
  }
  return { format: 'kelisim-evidence/1', declaration: 'almaty-declaration', version, signatures: [{ statement, signature, publicKey }], audit }
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kelisim-forms-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('verifying versions frozen in either canonical form', () => {
  it.each([
    ['form 1, frozen before the negotiation state was captured', 'almaty-excerpt.json', 'form 1 (the text alone)'],
    ['form 2, with the negotiation state', 'almaty-excerpt-v2.json', 'form 2 (the text and its negotiation state)'],
  ])('%s: the text, its signature and the chain all check out, in code and with npm run verify', async (_name, file, form) => {
    const bundle = await bundleOf(golden(file))
    const checks = await verifyEvidence(bundle)
    expect(checks.map((check) => check.ok)).toEqual([true, true, true, true])
    expect(words(checks[0]!.detail)).toBe(`SHA-256 ${bundle.version.sha256}, ${form}`)
    const path = join(dir, file)
    await writeFile(path, JSON.stringify(bundle))
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, path]).catch((error: { stdout: string }) => error)
    expect(stdout).toContain(`OK   text of "Final text": SHA-256 ${bundle.version.sha256}, ${form}`)
    expect(stdout).toMatch(/^CONSISTENT, but not authenticated:/m)
  })

  it('fails a form 2 bundle whose negotiation state was changed, even with the hash recomputed', async () => {
    const bundle = await bundleOf(golden('almaty-excerpt-v2.json'))
    const agreed = bundle.version.serialized.replace('"status":"ad-referendum"', '"status":"agreed"')
    expect(agreed).not.toBe(bundle.version.serialized)
    const [text] = await verifyEvidence({ ...bundle, version: { ...bundle.version, serialized: agreed } })
    expect(text?.ok).toBe(false)
    expect(words(text!.detail)).toContain('the text hashes to')
    const reordered = JSON.parse(bundle.version.serialized) as { negotiation: { statuses: unknown[] } }
    reordered.negotiation.statuses.reverse()
    const [unsorted] = await verifyEvidence({ ...bundle, version: { ...bundle.version, serialized: JSON.stringify(reordered) } })
    expect(unsorted).toMatchObject({ ok: false })
  })
})
