import type { EvidenceBundle } from '../signatures/evidence.js'
import { keyIdOf, verifyStatement } from '../signatures/signatureStatement.js'
import type { EvidenceAnchors, EvidenceCheck } from '../signatures/verifyEvidence.js'
import { SilenceAuditAction } from './silenceAudit.js'
import type { SilenceEvidence } from './silenceSchemas.js'

type AuditEntry = EvidenceBundle['audit'][number]
type BreakEntry = SilenceEvidence['breaks'][number]

const entriesOf = (bundle: EvidenceBundle, action: string, silenceId: string) => bundle.audit.filter((entry) => entry.action === action && entry.details.silence === silenceId)
const within = (anchored: AuditEntry[] | null | undefined, entry: AuditEntry | undefined) => Boolean(entry && anchored?.some((audit) => audit.seq === entry.seq))

async function checkBreak(bundle: EvidenceBundle, silence: SilenceEvidence, entry: BreakEntry, textHash: string, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck> {
  const { statement } = entry
  const item = `break of silence by ${statement.delegation.name} (${statement.signer.name})`
  const fail = (detail: string, against = 'the statement and the public key inside the bundle') => ({ item, ok: false, detail, against, authenticated: false })
  if (statement.declaration !== bundle.declaration || statement.versionId !== bundle.version.id || statement.silenceId !== silence.id) return fail('it is for another declaration, version or silence')
  if (statement.versionSha256 !== textHash) return fail('it covers a different text than the one in this bundle')
  if ((await keyIdOf(entry.publicKey)) !== statement.keyId) return fail('the public key is not the key the statement names')
  if (!(await verifyStatement(statement, entry.signature, entry.publicKey))) return fail('the Ed25519 signature does not match the statement')
  const recorded = entriesOf(bundle, SilenceAuditAction.break, silence.id).find((audit) => audit.details.breakId === entry.id && audit.details.signature === entry.signature && audit.details.keyId === statement.keyId)
  if (!recorded) return fail('the audit log does not record this break')
  const published = anchors.keys?.keys.find((key) => key.keyId === statement.keyId && key.delegation.code === statement.delegation.code && key.signer.id === statement.signer.id)
  if (anchors.keys && !published) return fail(`key ${statement.keyId.slice(0, 16)} is not in the published key list for ${statement.delegation.name} (${statement.signer.name})`, 'the published key list')
  const against = [
    published ? 'the published key list' : 'the public key inside the bundle only',
    anchored === undefined ? null : within(anchored, recorded) ? `audit entry ${recorded.seq}, at or before the given audit head` : `audit entry ${recorded.seq}, after the given audit head (not anchored)`,
  ].filter(Boolean)
  return {
    item,
    ok: true,
    detail: `valid Ed25519 signature, key ${statement.keyId.slice(0, 16)}, on ${statement.paragraphs.map((paragraph) => paragraph.label).join(', ')}, broken ${statement.brokenAt}`,
    against: against.join('; '),
    authenticated: Boolean(published) || within(anchored, recorded),
  }
}

function checkProcedure(bundle: EvidenceBundle, silence: SilenceEvidence, anchored: AuditEntry[] | null | undefined): EvidenceCheck {
  const item = `silence procedure on "${bundle.version.name}"`
  const ownLog = anchored ? 'the audit log up to the given audit head' : 'the audit log inside the bundle (not authenticated)'
  const fail = (detail: string) => ({ item, ok: false, detail, against: ownLog, authenticated: false })
  if (silence.versionId !== bundle.version.id || silence.versionSha256 !== bundle.version.sha256) return fail('it is for another version or text')
  const opened = entriesOf(bundle, SilenceAuditAction.opened, silence.id)[0]
  if (!opened || opened.details.version !== silence.versionId || opened.details.sha256 !== silence.versionSha256 || opened.details.deadline !== silence.deadline) {
    return fail('the audit log does not record opening this silence on this version with this deadline')
  }
  const breaks = entriesOf(bundle, SilenceAuditAction.break, silence.id)
  const missing = breaks.filter((audit) => !silence.breaks.some((entry) => entry.id === audit.details.breakId))
  if (missing.length > 0) return fail(`the audit log records ${missing.length} break(s) missing from this bundle: ${missing.map((audit) => `${String(audit.details.delegation)} (entry ${audit.seq})`).join(', ')}`)
  const decisions = entriesOf(bundle, SilenceAuditAction.decided, silence.id)
  if (decisions.length > 1) return fail(`the audit log records its outcome ${decisions.length} times`)
  const decision = decisions[0]
  if (!silence.outcome) {
    if (decision) return fail('the audit log records an outcome the bundle leaves out')
    return { item, ok: true, detail: `running until ${silence.deadline} (${silence.timeZone}); no outcome yet`, against: ownLog, authenticated: within(anchored, opened) }
  }
  const expected = silence.breaks.length > 0 ? 'broken' : 'adopted'
  if (silence.outcome.state !== expected) return fail(`it is marked ${silence.outcome.state}, but ${silence.breaks.length} delegation(s) broke silence`)
  if (!decision || decision.details.outcome !== expected) return fail(`the audit log does not record the outcome "${expected}"`)
  const codes = (list: unknown[]) => list.map(String).sort().join(',')
  if (codes(Array.isArray(decision.details.breaks) ? decision.details.breaks : []) !== codes(silence.breaks.map((entry) => entry.statement.delegation.code))) {
    return fail('the outcome in the audit log names other delegations than the breaks in the bundle')
  }
  const late = breaks.filter((audit) => audit.seq > decision.seq)
  if (late.length > 0) return fail(`break(s) recorded after the outcome: entries ${late.map((audit) => audit.seq).join(', ')}`)
  const detail =
    expected === 'adopted'
      ? `adopted at the deadline ${silence.deadline} (${silence.timeZone}): no delegation broke silence`
      : `silence broken before the deadline ${silence.deadline} (${silence.timeZone}) by ${silence.breaks.map((entry) => `${entry.statement.delegation.name} (${entry.statement.paragraphs.map((paragraph) => paragraph.label).join(', ')})`).join('; ')}`
  return { item, ok: true, detail: `${detail}; outcome recorded once, in audit entry ${decision.seq}`, against: ownLog, authenticated: within(anchored, decision) }
}

/** Checks the silence procedures a bundle carries: each break's signature, and that the outcome follows from the breaks and is recorded once; also that none the log records is left out. */
export async function verifySilence(bundle: EvidenceBundle, textHash: string, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck[]> {
  const silences = bundle.silence ?? []
  const checks: EvidenceCheck[] = []
  for (const silence of silences) {
    for (const entry of silence.breaks) checks.push(await checkBreak(bundle, silence, entry, textHash, anchors, anchored))
    checks.push(checkProcedure(bundle, silence, anchored))
  }
  const left = bundle.audit.filter((entry) => entry.action === SilenceAuditAction.opened && entry.details.version === bundle.version.id && !silences.some((silence) => silence.id === entry.details.silence))
  if (left.length > 0) {
    checks.push({ item: `silence procedures recorded for "${bundle.version.name}"`, ok: false, detail: `the audit log records ${left.length} silence procedure(s) missing from this bundle (entries ${left.map((entry) => entry.seq).join(', ')})`, against: 'the audit log inside the bundle', authenticated: false })
  }
  return checks
}
