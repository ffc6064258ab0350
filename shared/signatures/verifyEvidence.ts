import { findChainBreak } from '../versions/auditChain.js'
import { serializeCanonical, sha256Hex, type CanonicalText } from '../versions/canonicalText.js'
import type { EvidenceBundle } from './evidence.js'
import { keyIdOf, verifyStatement } from './signatureStatement.js'

/** One check of a bundle, with a verdict a person can read. */
export interface EvidenceCheck {
  item: string
  ok: boolean
  detail: string
}

async function checkText(bundle: EvidenceBundle): Promise<EvidenceCheck> {
  const item = `text of "${bundle.version.name}"`
  let canonical: boolean
  try {
    canonical = serializeCanonical(JSON.parse(bundle.version.serialized) as CanonicalText) === bundle.version.serialized
  } catch {
    return { item, ok: false, detail: 'the text is not valid JSON' }
  }
  if (!canonical) return { item, ok: false, detail: 'the text is not in canonical form (RFC 8785 after NFC)' }
  const actual = await sha256Hex(bundle.version.serialized)
  return actual === bundle.version.sha256
    ? { item, ok: true, detail: `SHA-256 ${actual}` }
    : { item, ok: false, detail: `the text hashes to ${actual}, not the recorded ${bundle.version.sha256}` }
}

async function checkSignature(bundle: EvidenceBundle, entry: EvidenceBundle['signatures'][number], textHash: string): Promise<EvidenceCheck> {
  const { statement } = entry
  const item = `signature of ${statement.delegation.name} (${statement.signer.name})`
  if (statement.declaration !== bundle.declaration || statement.versionId !== bundle.version.id) return { item, ok: false, detail: 'it is for another declaration or version' }
  if (statement.versionSha256 !== textHash) return { item, ok: false, detail: 'it covers a different text than the one in this bundle' }
  if ((await keyIdOf(entry.publicKey)) !== statement.keyId) return { item, ok: false, detail: 'the public key is not the key the statement names' }
  if (!(await verifyStatement(statement, entry.signature, entry.publicKey))) return { item, ok: false, detail: 'the Ed25519 signature does not match the statement' }
  const recorded = bundle.audit.some((audit) => audit.action === 'signed' && audit.details.keyId === statement.keyId && audit.details.signature === entry.signature)
  if (!recorded) return { item, ok: false, detail: 'the audit log does not record this signature' }
  return { item, ok: true, detail: `valid Ed25519 signature, key ${statement.keyId.slice(0, 16)}, signed ${statement.signedAt}${statement.adReferendum ? ', ad referendum' : ''}${statement.reservation ? ', with a reservation' : ''}` }
}

async function checkAudit(bundle: EvidenceBundle): Promise<EvidenceCheck> {
  const item = 'audit log'
  const broken = await findChainBreak(bundle.audit)
  if (broken) return { item, ok: false, detail: `entry ${broken.seq}: ${broken.reason}` }
  const frozen = bundle.audit.find((entry) => entry.action === 'version_frozen' && entry.details.version === bundle.version.id)
  if (!frozen || frozen.details.sha256 !== bundle.version.sha256 || frozen.details.name !== bundle.version.name || frozen.details.seq !== bundle.version.seq) {
    return { item, ok: false, detail: 'the log does not record freezing this version with this hash, name and number' }
  }
  return { item, ok: true, detail: `${bundle.audit.length} entries, chain intact, head ${bundle.audit.at(-1)?.hash ?? ''}` }
}

/** Checks a bundle offline: the text against its hash, every signature, and the audit chain. */
export async function verifyEvidence(bundle: EvidenceBundle): Promise<EvidenceCheck[]> {
  const text = await checkText(bundle)
  const textHash = await sha256Hex(bundle.version.serialized)
  const signatures = await Promise.all(bundle.signatures.map((entry) => checkSignature(bundle, entry, textHash)))
  return [text, ...signatures, await checkAudit(bundle)]
}
