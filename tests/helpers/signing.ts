import { base64, SIGNATURE_PURPOSE, statementBytes, type SignatureStatement } from '../../shared/signatures/signatureStatement.js'
import { api } from './api.js'

/** A signatory's key pair made the way the browser makes it, registered over the real API. */
export async function registeredKey(baseUrl: string, token: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
  const publicKey = base64(await crypto.subtle.exportKey('raw', pair.publicKey))
  const answer = await api(baseUrl, 'POST', '/api/keys', { token, body: { publicKey } })
  if (answer.status !== 201) throw new Error(`key registration failed: ${answer.status}`)
  return { pair, publicKey, keyId: (answer.body as { keyId: string }).keyId }
}

/** Signs a statement with a private key. */
export async function sign(privateKey: CryptoKey, statement: SignatureStatement): Promise<string> {
  return base64(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, statementBytes(statement)))
}

/** A statement for a version, with overrides. */
export function statementFor(base: { declaration: string; versionId: string; versionSha256: string; keyId: string; signer: { id: string; name: string }; delegation: { code: string; name: string } }, overrides: Partial<SignatureStatement> = {}): SignatureStatement {
  return { purpose: SIGNATURE_PURPOSE, signedAt: new Date().toISOString(), adReferendum: false, reservation: null, ...base, ...overrides }
}

