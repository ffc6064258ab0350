import type { Message, VerifyKey } from '../i18n/messageKeys.js'
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

/** A line of the verdict, put into words by the `verify` catalogue in the reader's language. */
export type VerifyMessage = Message<VerifyKey>

/** One check of a bundle: a verdict a person can read, what it was checked against, and whether that is outside the bundle. */
export interface EvidenceCheck {
  item: VerifyMessage
  ok: boolean
  detail: VerifyMessage
  against: VerifyMessage[]
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
  const item: VerifyMessage = { key: 'item.text', values: { name: bundle.version.name } }
  const fail = (detail: VerifyMessage) => ({ item, ok: false, detail, against: [{ key: 'against.bundleHash' } as const], authenticated: false })
  const problem = canonicalFormProblem(bundle.version.serialized)
  if (problem) return fail(problem)
  const { format } = JSON.parse(bundle.version.serialized) as CanonicalText
  const actual = await sha256Hex(bundle.version.serialized)
  if (actual !== bundle.version.sha256) return fail({ key: 'detail.hashMismatch', values: { actual, recorded: bundle.version.sha256 } })
  const frozenAnchored = anchored?.some((entry) => entry.action === 'version_frozen' && entry.details.version === bundle.version.id && entry.details.sha256 === actual) ?? false
  const outside: VerifyMessage[] = [...(frozenAnchored ? [{ key: 'against.frozenAnchored' } as const] : []), ...(signedByPublishedKey ? [{ key: 'against.signedByPublished' } as const] : [])]
  return {
    item,
    ok: true,
    detail: { key: 'detail.sha256', values: { hash: actual, form: format === 'kelisim-text/2' ? { key: 'detail.form2' } : { key: 'detail.form1' } } },
    against: outside.length > 0 ? outside : [{ key: 'against.bundleHashOnly' }],
    authenticated: outside.length > 0,
  }
}

async function checkSignature(bundle: EvidenceBundle, entry: SignatureEntry, textHash: string, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck> {
  const { statement } = entry
  const names = { delegation: statement.delegation.name, signer: statement.signer.name }
  const item: VerifyMessage = { key: 'item.signature', values: names }
  const key = statement.keyId.slice(0, 16)
  const fail = (detail: VerifyMessage, against: VerifyMessage = { key: 'against.bundleStatement' }) => ({ item, ok: false, detail, against: [against], authenticated: false })
  if (statement.declaration !== bundle.declaration || statement.versionId !== bundle.version.id) return fail({ key: 'detail.otherVersion' })
  if (statement.versionSha256 !== textHash) return fail({ key: 'detail.otherText' })
  if ((await keyIdOf(entry.publicKey)) !== statement.keyId) return fail({ key: 'detail.wrongKey' })
  if (!(await verifyStatement(statement, entry.signature, entry.publicKey))) return fail({ key: 'detail.badSignature' })
  const recorded = bundle.audit.find((audit) => recordsSignature(audit, entry))
  if (!recorded) return fail({ key: 'detail.notRecorded' })
  const published = publishedKeyOf(anchors.keys, entry)
  if (anchors.keys && !published) return fail({ key: 'detail.keyNotPublished', values: { key, ...names } }, { key: 'against.publishedList' })
  const inAnchored = anchored?.some((audit) => audit.seq === recorded.seq) ?? false
  const against: VerifyMessage[] = [
    { key: published ? 'against.publishedList' : 'against.bundleKeyOnly' },
    ...(anchored === undefined ? [] : [{ key: inAnchored ? 'against.entryAnchored' : 'against.entryAfterHead', values: { seq: recorded.seq } } as const]),
  ]
  const signed = statement.adReferendum ? (statement.reservation ? 'detail.validSignatureAdReferendumReservation' : 'detail.validSignatureAdReferendum') : statement.reservation ? 'detail.validSignatureReservation' : 'detail.validSignature'
  return {
    item,
    ok: true,
    detail: { key: signed, values: { key, signedAt: statement.signedAt } },
    against,
    authenticated: Boolean(published) || inAnchored,
  }
}

async function checkAudit(bundle: EvidenceBundle, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck> {
  const item: VerifyMessage = { key: 'item.audit' }
  const ownChain: VerifyMessage = { key: 'against.ownChain' }
  const fail = (detail: VerifyMessage, against = ownChain) => ({ item, ok: false, detail, against: [against], authenticated: false })
  const broken = await findChainBreak(bundle.audit)
  if (broken) return fail({ key: `detail.${broken.problem}`, values: { seq: broken.seq, position: broken.position } })
  const frozen = bundle.audit.find((entry) => entry.action === 'version_frozen' && entry.details.version === bundle.version.id)
  if (!frozen || frozen.details.sha256 !== bundle.version.sha256 || frozen.details.name !== bundle.version.name || frozen.details.seq !== bundle.version.seq) {
    return fail({ key: 'detail.notFrozen' })
  }
  const summary: VerifyMessage = { key: 'detail.chainIntact', values: { count: bundle.audit.length, head: bundle.audit.at(-1)?.hash ?? '' } }
  const givenHead: VerifyMessage = { key: 'against.givenHead', values: { head: anchors.auditHead ?? '' } }
  if (anchored === undefined) return { item, ok: true, detail: summary, against: [ownChain], authenticated: false }
  if (anchored === null) return fail({ key: 'detail.headMissing', values: { head: anchors.auditHead ?? '' } }, givenHead)
  const after = bundle.audit.length - anchored.length
  return {
    item,
    ok: true,
    detail:
      after > 0
        ? { key: 'detail.headBefore', values: { summary, position: anchored.length, count: after, from: anchored.length + 1, to: bundle.audit.length } }
        : { key: 'detail.headAt', values: { summary, position: anchored.length } },
    against: [givenHead],
    authenticated: true,
  }
}

function checkComplete(bundle: EvidenceBundle, anchored: AuditEntry[] | null | undefined): EvidenceCheck {
  const item: VerifyMessage = { key: 'item.complete', values: { name: bundle.version.name } }
  const recorded = bundle.audit.filter((audit) => audit.action === 'signed' && audit.details.version === bundle.version.id)
  const missing = recorded.filter((audit) => !bundle.signatures.some((entry) => recordsSignature(audit, entry)))
  const against: VerifyMessage[] = [{ key: anchored ? 'against.logToHead' : 'against.logInBundle' }]
  if (missing.length > 0) {
    const list = missing.map((audit): VerifyMessage => ({ key: 'detail.missingEntry', values: { delegation: String(audit.details.delegation), seq: audit.seq } }))
    return { item, ok: false, detail: { key: 'detail.missingSignatures', values: { count: missing.length, list } }, against, authenticated: false }
  }
  return { item, ok: true, detail: { key: 'detail.allRecorded', values: { count: recorded.length } }, against, authenticated: Boolean(anchored) }
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
