import type { Language } from '../../../shared/i18n/languages.js'
import type { ExportsKey } from '../../../shared/i18n/messageKeys.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import type { SignaturesView } from '../../../shared/signatures/evidence.js'
import type { CanonicalBlock, CanonicalInline, CanonicalText } from '../../../shared/versions/canonicalText.js'
import { translator, type Translator } from '../i18n/serverI18n.js'
import type { OptionText } from '../../../shared/brackets/describeBracket.js'
import { printBrackets, type PrintedAlternatives, type PrintedBracket } from '../../../shared/brackets/printedBrackets.js'
import type { NegotiationSnapshot, ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import type { VersionRecord } from '../store/Store.js'

/** Everything a PDF or DOCX export of a version shows, gathered once for both formats; labels are in `language`, the text as written. */
export interface ExportData {
  declaration: string
  version: Pick<VersionRecord, 'id' | 'seq' | 'name' | 'sha256' | 'createdAt'>
  text: CanonicalText
  /** Each paragraph's status when the version was frozen, by clause id; a paragraph without one is open. */
  statuses: ReadonlyMap<string, ParagraphStatus>
  signatures: SignaturesView
  language: Language
  /** The version's brackets and alternatives, printed as literal brackets when given. */
  negotiation?: Pick<NegotiationSnapshot, 'brackets' | 'alternatives'>
}

/** The export's labels in its language. */
export function exportLabels(language: Language): Translator<ExportsKey> {
  return translator('exports', language)
}

/** A moment in an export: a document read anywhere names its zone, so it is given in UTC. */
export function exportedDateTime(labels: Translator<ExportsKey>, moment: string): string {
  return formatDateTime(moment, labels.locale, 'UTC')
}

/** How anyone can check the export offline, printed with it. */
export function verificationNote(data: ExportData): string {
  const command = `npm run verify -- bundle.json --keys keys.json --audit-head ${data.signatures.auditHead}`
  return exportLabels(data.language).t('verificationNote', { seq: data.version.seq, name: data.version.name, declaration: data.declaration, sha256: data.version.sha256, command })
}

/** The line under the title: which version this is and when it was frozen. */
export function versionLine(data: ExportData): string {
  const labels = exportLabels(data.language)
  return labels.t('versionLine', { name: data.version.name, seq: data.version.seq, frozenAt: exportedDateTime(labels, data.version.createdAt) })
}

/** "k of n" signed and how many are expected to, as two sentences. */
export function signatureCountLine(data: ExportData): string {
  const { t } = exportLabels(data.language)
  const { signed, expected, total } = data.signatures
  return `${t('signedOf', { signed, count: total })} ${t('expectedToSign', { count: expected })}`
}

/** What the signatures page says of one delegation after its name: who signed when, with which key, or its status. */
export function signatureDetail(data: ExportData, delegation: SignaturesView['delegations'][number]): string {
  const labels = exportLabels(data.language)
  const signature = delegation.signature
  if (!signature) return labels.t(delegation.expectedToSign ? 'status.expected' : 'status.notExpected')
  const signed = { key: signature.adReferendum ? 'status.signedAdReferendum' : 'status.signed', values: { signer: signature.signer, signedAt: exportedDateTime(labels, signature.signedAt), fingerprint: signature.fingerprint } } as const
  return signature.reservation ? labels.t('status.withReservation', { signature: signed, reservation: signature.reservation }) : labels.t(signed.key, signed.values)
}

/** The audit log's head when the export was made, printed on its own line so it can be read and copied whole. */
export function auditHeadLine(data: ExportData): string {
  return exportLabels(data.language).t('auditHead', { head: data.signatures.auditHead })
}

/** How an export words one of a set of alternatives: "Alt 2: should (USA)" in its language. */
export function exportOptionText(labels: Translator<ExportsKey>): OptionText {
  return (option, number) => labels.t('brackets.alternative', { number, text: option.text, proposedBy: option.proposedBy.join(', ') })
}

/** The text of inline content, notes written out in brackets, and square brackets and alternatives printed in when given. */
export function inlineRuns(content: CanonicalInline[], language: Language, marks: { brackets: PrintedBracket[]; alternatives: PrintedAlternatives[] } = { brackets: [], alternatives: [] }): { text: string; bold: boolean; italic: boolean }[] {
  const labels = exportLabels(language)
  const { t } = labels
  const runs = content.map((run) => ('note' in run ? { text: ` ${t('note', { note: run.note })}`, bold: false, italic: true, note: true } : { text: run.text, bold: run.marks.includes('bold'), italic: run.marks.includes('italic'), note: false }))
  // Bracket offsets count the paragraph's words only, never a note.
  return printBrackets(runs, marks.brackets, marks.alternatives, (run) => (run.note ? null : run.text), (run, text) => ({ ...run, text }), (text) => ({ text, bold: false, italic: false, note: false }), exportOptionText(labels))
}

/** A paragraph's label as printed, with its frozen status beside it in the export's language: "OP3 (agreed)"; an open paragraph shows none. */
export function printedLabel(data: ExportData, clause: Extract<CanonicalBlock, { type: 'clause' }>): string {
  const status = clause.id ? data.statuses.get(clause.id) : undefined
  if (status !== 'agreed' && status !== 'ad-referendum') return clause.label
  return exportLabels(data.language).t(status === 'agreed' ? 'printedStatus.agreed' : 'printedStatus.adReferendum', { label: clause.label })
}
