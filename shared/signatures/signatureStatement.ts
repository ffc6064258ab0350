import canonicalize from 'canonicalize'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { z } from 'zod'
import { multilineText } from '../api/schemas.js'
import { DocumentName } from '../documentName.js'
import { sha256HexOfBytes } from '../versions/canonicalText.js'

/** What every statement says it is, so a signature made for anything else is never taken for one. */
export const SIGNATURE_PURPOSE = 'kelisim-declaration-signature/1'

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/)

/** The exact statement a signatory signs: which text, who, for which delegation, with which key, when, and how. */
export const SignatureStatement = z.strictObject({
  purpose: z.literal(SIGNATURE_PURPOSE),
  declaration: DocumentName,
  versionId: z.string().min(1).max(64),
  versionSha256: Hex64,
  signer: z.strictObject({ id: z.string().min(1).max(64), name: z.string().min(1).max(80) }),
  delegation: z.strictObject({ code: z.string().regex(/^[A-Z]{2,8}$/), name: z.string().min(1).max(120) }),
  keyId: Hex64,
  signedAt: z.iso.datetime(),
  /** Signed subject to confirmation by the delegation's government. */
  adReferendum: z.boolean(),
  reservation: z.string().max(2000).regex(multilineText, 'validation.control_except_breaks').nullable(),
})
export type SignatureStatement = z.infer<typeof SignatureStatement>

/** Body of POST /api/declarations/:name/signatures. */
export const SignatureBody = z.strictObject({ statement: SignatureStatement, signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/) })

/** Body of POST /api/keys: a raw Ed25519 public key, base64. */
export const PublicKeyBody = z.strictObject({ publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) })

/** A statement of the signed family: its purpose says what it is (a signature, a break of silence). */
export type SignedStatement = { purpose: string }

/** The bytes that are signed: the statement in RFC 8785 form, UTF-8. */
export function statementBytes(statement: SignedStatement): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalize(statement) ?? '')
}

/** A key's id: the SHA-256 of its raw public key. */
export function keyIdOf(publicKeyBase64: string): Promise<string> {
  return sha256HexOfBytes(fromBase64(publicKeyBase64) as Uint8Array<ArrayBuffer>)
}

/** The short form people compare: the first 16 hex digits of the key id, in groups of four. */
export function fingerprint(keyId: string): string {
  return keyId.slice(0, 16).match(/.{4}/g)!.join(' ')
}

/** Whether `signature` is a valid Ed25519 signature of the statement by this public key. */
export async function verifyStatement(statement: SignedStatement, signatureBase64: string, publicKeyBase64: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKeyBase64) as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify'])
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signatureBase64) as Uint8Array<ArrayBuffer>, statementBytes(statement))
  } catch {
    return false
  }
}

/** Base64 of raw bytes. */
export const base64 = (bytes: ArrayBuffer | Uint8Array) => toBase64(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
