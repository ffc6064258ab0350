import type { EvidenceBundle } from '../signatures/evidence.js'
import { keyIdOf, verifyStatement } from '../signatures/signatureStatement.js'
import type { EvidenceAnchors, EvidenceCheck, VerifyMessage } from '../signatures/verifyEvidence.js'
import { SilenceAuditAction } from './silenceAudit.js'
import type { SilenceEvidence } from './silenceSchemas.js'

type AuditEntry = EvidenceBundle['audit'][number]
type BreakEntry = SilenceEvidence['breaks'][number]

const entriesOf = (bundle: EvidenceBundle, action: string, silenceId: string) => bundle.audit.filter((entry) => entry.action === action && entry.details.silence === silenceId)
const within = (anchored: AuditEntry[] | null | undefined, entry: AuditEntry | undefined) => Boolean(entry && anchored?.some((audit) => audit.seq === entry.seq))

async function checkBreak(bundle: EvidenceBundle, silence: SilenceEvidence, entry: BreakEntry, textHash: string, anchors: EvidenceAnchors, anchored: AuditEntry[] | null | undefined): Promise<EvidenceCheck> {
  const { statement } = entry
  const names = { delegation: statement.delegation.name, signer: statement.signer.name }
  const item: VerifyMessage = { key: 'item.silenceBreak', values: names }
  const key = statement.keyId.slice(0, 16)
  const fail = (detail: VerifyMessage, against: VerifyMessage = { key: 'against.bundleStatement' }) => ({ item, ok: false, detail, against: [against], authenticated: false })
  if (statement.declaration !== bundle.declaration || statement.versionId !== bundle.version.id || statement.silenceId !== silence.id) return fail({ key: 'detail.otherSilence' })
  if (statement.versionSha256 !== textHash) return fail({ key: 'detail.otherText' })
  if ((await keyIdOf(entry.publicKey)) !== statement.keyId) return fail({ key: 'detail.wrongKey' })
  if (!(await verifyStatement(statement, entry.signature, entry.publicKey))) return fail({ key: 'detail.badSignature' })
  const recorded = entriesOf(bundle, SilenceAuditAction.break, silence.id).find((audit) => audit.details.breakId === entry.id && audit.details.signature === entry.signature && audit.details.keyId === statement.keyId)
  if (!recorded) return fail({ key: 'detail.breakNotRecorded' })
  const published = anchors.keys?.keys.find((key) => key.keyId === statement.keyId && key.delegation.code === statement.delegation.code && key.signer.id === statement.signer.id)
  if (anchors.keys && !published) return fail({ key: 'detail.keyNotPublished', values: { key, ...names } }, { key: 'against.publishedList' })
  const against: VerifyMessage[] = [
    published ? { key: 'against.publishedList' } : { key: 'against.bundleKeyOnly' },
    ...(anchored === undefined ? [] : [within(anchored, recorded) ? { key: 'against.entryAnchored' as const, values: { seq: recorded.seq } } : { key: 'against.entryAfterHead' as const, values: { seq: recorded.seq } }]),
  ]
  return {
    item,
    ok: true,
    detail: { key: 'detail.validBreak', values: { key, paragraphs: statement.paragraphs.map((paragraph) => paragraph.label).join(', '), brokenAt: statement.brokenAt } },
    against,
    authenticated: Boolean(published) || within(anchored, recorded),
  }
}

function checkProcedure(bundle: EvidenceBundle, silence: SilenceEvidence, anchored: AuditEntry[] | null | undefined): EvidenceCheck {
  const item: VerifyMessage = { key: 'item.silence', values: { name: bundle.version.name } }
  const ownLog: VerifyMessage[] = [anchored ? { key: 'against.logToHead' } : { key: 'against.logInBundle' }]
  const fail = (detail: VerifyMessage) => ({ item, ok: false, detail, against: ownLog, authenticated: false })
  if (silence.versionId !== bundle.version.id || silence.versionSha256 !== bundle.version.sha256) return fail({ key: 'detail.silenceOtherVersion' })
  const opened = entriesOf(bundle, SilenceAuditAction.opened, silence.id)[0]
  if (!opened || opened.details.version !== silence.versionId || opened.details.sha256 !== silence.versionSha256 || opened.details.deadline !== silence.deadline) {
    return fail({ key: 'detail.openingNotRecorded' })
  }
  const breaks = entriesOf(bundle, SilenceAuditAction.break, silence.id)
  const missing = breaks.filter((audit) => !silence.breaks.some((entry) => entry.id === audit.details.breakId))
  if (missing.length > 0) return fail({ key: 'detail.breaksMissing', values: { count: missing.length, list: missing.map((audit) => ({ key: 'detail.breakEntry' as const, values: { delegation: String(audit.details.delegation), seq: audit.seq } })) } })
  const decisions = entriesOf(bundle, SilenceAuditAction.decided, silence.id)
  if (decisions.length > 1) return fail({ key: 'detail.outcomeRepeated', values: { count: decisions.length } })
  const decision = decisions[0]
  if (!silence.outcome) {
    if (decision) return fail({ key: 'detail.outcomeLeftOut' })
    return { item, ok: true, detail: { key: 'detail.silenceRunning', values: { deadline: silence.deadline, timeZone: silence.timeZone } }, against: ownLog, authenticated: within(anchored, opened) }
  }
  const { state } = silence.outcome
  // Withdrawn (the draft unlocked before the deadline) whatever the breaks; otherwise the breaks decide.
  const expected = state === 'withdrawn' ? 'withdrawn' : silence.breaks.length > 0 ? 'broken' : 'adopted'
  if (state !== 'withdrawn' && state !== expected) return fail({ key: `detail.outcomeWrong.${state}`, values: { count: silence.breaks.length } })
  if (!decision || decision.details.outcome !== expected) return fail({ key: `detail.outcomeNotRecorded.${expected}` })
  const codes = (list: unknown[]) => list.map(String).sort().join(',')
  if (codes(Array.isArray(decision.details.breaks) ? decision.details.breaks : []) !== codes(silence.breaks.map((entry) => entry.statement.delegation.code))) {
    return fail({ key: 'detail.outcomeOtherDelegations' })
  }
  const late = breaks.filter((audit) => audit.seq > decision.seq)
  if (late.length > 0) return fail({ key: 'detail.breaksAfterOutcome', values: { count: late.length, entries: late.map((audit) => audit.seq).join(', ') } })
  const when = { deadline: silence.deadline, timeZone: silence.timeZone, seq: decision.seq }
  const detail: VerifyMessage =
    expected === 'adopted'
      ? { key: 'detail.silenceAdopted', values: when }
      : expected === 'withdrawn'
        ? { key: 'detail.silenceWithdrawn', values: { ...when, decidedAt: silence.outcome.decidedAt } }
        : { key: 'detail.silenceBroken', values: { ...when, breaks: silence.breaks.map((entry) => `${entry.statement.delegation.name} (${entry.statement.paragraphs.map((paragraph) => paragraph.label).join(', ')})`).join('; ') } }
  return { item, ok: true, detail, against: ownLog, authenticated: within(anchored, decision) }
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
    checks.push({
      item: { key: 'item.silenceComplete', values: { name: bundle.version.name } },
      ok: false,
      detail: { key: 'detail.silencesMissing', values: { count: left.length, entries: left.map((entry) => entry.seq).join(', ') } },
      against: [{ key: 'against.logInBundleOnly' }],
      authenticated: false,
    })
  }
  return checks
}
