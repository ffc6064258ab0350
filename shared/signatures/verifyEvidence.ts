import { verifySilence } from '../silence/verifySilence.js'
import { findChainBreak } from '../versions/auditChain.js'
import { canonicalFormProblem } from '../versions/canonicalNegotiation.js'
import { sha256Hex, type CanonicalText } from '../versions/canonicalText.js'
import type { EvidenceBundle } from './evidence.js'
import type { PublishedKeys } from './publishedKeys.js'
import { keyIdOf, verifyStatement } from './signatureStatement.js'

/** What a bundle is checked against from outside it: the published key list and the printed audit head. */
export interface EvidenceAnchors {
  keys?: PublishedKeys
  auditHead?: string
}

/** One check of a bundle: a verdict a person can read, what it was checked against, and whether that is outside the bundle. */
export interface EvidenceCheck {
  item: string
  ok: boolean
  detail: string
  against: string
  authenticated: boolean
}

type AuditEntry = EvidenceBundle['audit'][number]
type SignatureEntry = EvidenceBundle['signatures'][number]

/** The audit entries the given head vouches for (up to and including it), or null when the chain does not contain it. */
function anchoredPrefix(bundle: EvidenceBundle, head: string | undefined): AuditEntry[] | null | undefined {
  if (head === undefined) return undefined
  const index = bundle.audit.findIndex((entry) => entry.hash === head)
  return index < 0 ? null : bundle.audit.slice(0, index + 1)
}

const recordsSignature = (audit: AuditEntry, entry: SignatureEntry) => audit.action === 'signed' && audit.details.keyId === entry.statement.keyId && audit.details.signature === entry.signature

function publishedKeyOf(keys: PublishedKeys | undefined, entry: SignatureEntry) {
  return keys?.keys.find((key) => key.keyId === entry.statement.keyId && key.delegation.code === entry.statement.delegation.code && key.signer.id === entry.statement.signer.id)
}

async function checkText(bundle: EvidenceBundle, anchored: AuditEntry[] | null | undefined, signedByPublishedKey: boolean): Promise<EvidenceCheck> {
  const item = `text of "${bundle.version.name}"`
  const fail = (detail: string) => ({ item, ok: false, detail, against: 'the hash recorded in the bundle', authenticated: false })
  const problem = canonicalFormProblem(bundle.version.serialized)
  if (problem) return fail(problem)
  const { format } = JSON.parse(bundle.version.serialized) as CanonicalText
  const actual = await sha256Hex(bundle.version.serialized)
  if (actual !== bundle.version.sha256) return fail(`the text hashes to ${actual}, not the recorded ${bundle.version.sha256}`)
  const frozenAnchored = anchored?.some((entry) => entry.action === 'version_frozen' && entry.details.version === bundle.version.id && entry.details.sha256 === actual) ?? false
  const outside = [frozenAnchored && 'its freezing, recorded at or before the given audit head', signedByPublishedKey && 'signatures by published keys that cover this hash'].filter(Boolean)
  return {
    item,
    ok: true,
    detail: `SHA-256 ${actual}, ${format === 'kelisim-text/2' ? 'form 2 (the text and its negotiation state)' : 'form 1 (the text alone)'}`,
    against: outside.length > 0 ? outside.join('; ') : 'the hash recorded in the bundle only (not authenticated)',
    authenticated: outside.length > 0,
  }
}

async function checkSignature(bundle: EvidenceBundle, entry: SignatureEntry, textHash: string, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck> {
  const { statement } = entry
  const item = `signature of ${statement.delegation.name} (${statement.signer.name})`
  const fail = (detail: string, against = 'the statement and the public key inside the bundle') => ({ item, ok: false, detail, against, authenticated: false })
  if (statement.declaration !== bundle.declaration || statement.versionId !== bundle.version.id) return fail('it is for another declaration or version')
  if (statement.versionSha256 !== textHash) return fail('it covers a different text than the one in this bundle')
  if ((await keyIdOf(entry.publicKey)) !== statement.keyId) return fail('the public key is not the key the statement names')
  if (!(await verifyStatement(statement, entry.signature, entry.publicKey))) return fail('the Ed25519 signature does not match the statement')
  const recorded = bundle.audit.find((audit) => recordsSignature(audit, entry))
  if (!recorded) return fail('the audit log does not record this signature')
  const published = publishedKeyOf(anchors.keys, entry)
  if (anchors.keys && !published) return fail(`key ${statement.keyId.slice(0, 16)} is not in the published key list for ${statement.delegation.name} (${statement.signer.name})`, 'the published key list')
  const inAnchored = anchored?.some((audit) => audit.seq === recorded.seq) ?? false
  const against = [
    published ? 'the published key list' : 'the public key inside the bundle only',
    anchored === undefined ? null : inAnchored ? `audit entry ${recorded.seq}, at or before the given audit head` : `audit entry ${recorded.seq}, after the given audit head (not anchored)`,
  ].filter(Boolean)
  return {
    item,
    ok: true,
    detail: `valid Ed25519 signature, key ${statement.keyId.slice(0, 16)}, signed ${statement.signedAt}${statement.adReferendum ? ', ad referendum' : ''}${statement.reservation ? ', with a reservation' : ''}`,
    against: against.join('; '),
    authenticated: Boolean(published) || inAnchored,
  }
}

async function checkAudit(bundle: EvidenceBundle, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck> {
  const item = 'audit log'
  const ownChain = "the bundle's own hash chain, which anyone can recompute (not authenticated)"
  const fail = (detail: string, against = ownChain) => ({ item, ok: false, detail, against, authenticated: false })
  const broken = await findChainBreak(bundle.audit)
  if (broken) return fail(`entry ${broken.seq}: ${broken.reason}`)
  const frozen = bundle.audit.find((entry) => entry.action === 'version_frozen' && entry.details.version === bundle.version.id)
  if (!frozen || frozen.details.sha256 !== bundle.version.sha256 || frozen.details.name !== bundle.version.name || frozen.details.seq !== bundle.version.seq) {
    return fail('the log does not record freezing this version with this hash, name and number')
  }
  const summary = `${bundle.audit.length} entries, chain intact, head ${bundle.audit.at(-1)?.hash ?? ''}`
  if (anchored === undefined) return { item, ok: true, detail: summary, against: ownChain, authenticated: false }
  if (anchored === null) return fail(`the chain does not contain the given audit head ${anchors.auditHead ?? ''}: the log was cut short, rewritten or built from scratch`, 'the given audit head')
  const after = bundle.audit.length - anchored.length
  return {
    item,
    ok: true,
    detail: `${summary}; the given head is entry ${anchored.length}${after > 0 ? `; ${after === 1 ? '1 entry' : `${after} entries`} after it (${anchored.length + 1}–${bundle.audit.length}) ${after === 1 ? 'is' : 'are'} not anchored` : ''}`,
    against: `the given audit head ${anchors.auditHead ?? ''}`,
    authenticated: true,
  }
}

function checkComplete(bundle: EvidenceBundle, anchored: AuditEntry[] | null | undefined): EvidenceCheck {
  const item = `signatures recorded for "${bundle.version.name}"`
  const recorded = bundle.audit.filter((audit) => audit.action === 'signed' && audit.details.version === bundle.version.id)
  const missing = recorded.filter((audit) => !bundle.signatures.some((entry) => recordsSignature(audit, entry)))
  const against = anchored ? 'the audit log up to the given audit head' : 'the audit log inside the bundle (not authenticated)'
  if (missing.length > 0) {
    const list = missing.map((audit) => `${String(audit.details.delegation)} (entry ${audit.seq})`).join(', ')
    return { item, ok: false, detail: `the audit log records ${missing.length} signature(s) missing from this bundle: ${list}`, against, authenticated: false }
  }
  return { item, ok: true, detail: `all ${recorded.length} signature(s) the audit log records are in the bundle`, against, authenticated: Boolean(anchored) }
}

/** Checks a bundle offline: the text against its hash, every signature, any silence procedure, the audit chain, and that no recorded signature is missing; each against the anchors given. */
export async function verifyEvidence(bundle: EvidenceBundle, anchors: EvidenceAnchors = {}): Promise<EvidenceCheck[]> {
  const textHash = await sha256Hex(bundle.version.serialized)
  const anchored = anchoredPrefix(bundle, anchors.auditHead)
  const signatures = await Promise.all(bundle.signatures.map((entry) => checkSignature(bundle, entry, textHash, anchors, anchored)))
  const signedByPublishedKey = signatures.some((check, index) => check.ok && publishedKeyOf(anchors.keys, bundle.signatures[index]!) !== undefined)
  const silence = await verifySilence(bundle, textHash, anchors, anchored)
  return [await checkText(bundle, anchored, signedByPublishedKey), ...signatures, ...silence, await checkAudit(bundle, anchors, anchored), checkComplete(bundle, anchored)]
}
