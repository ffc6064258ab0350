import { DEFAULT_LOCALE, formatDateTime } from '../../../shared/format/dateTime.js'
import { delegationStatus } from '../../../shared/signatures/signatureCount.js'
import type { SignaturesView } from '../../../shared/signatures/evidence.js'
import { printedStatus } from '../../../shared/paragraphStatus/statusLabels.js'
import type { CanonicalBlock, CanonicalInline, CanonicalText } from '../../../shared/versions/canonicalText.js'
import { printBrackets, type PrintedAlternatives, type PrintedBracket } from '../../../shared/brackets/printedBrackets.js'
import type { NegotiationSnapshot, ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import type { VersionRecord } from '../store/Store.js'

/** Everything a PDF or DOCX export of a version shows, gathered once for both formats. */
export interface ExportData {
  declaration: string
  version: Pick<VersionRecord, 'id' | 'seq' | 'name' | 'sha256' | 'createdAt'>
  text: CanonicalText
  /** Each paragraph's status when the version was frozen, by clause id; a paragraph without one is open. */
  statuses: ReadonlyMap<string, ParagraphStatus>
  signatures: SignaturesView
  /** The version's brackets and alternatives, printed as literal brackets when given. */
  negotiation?: Pick<NegotiationSnapshot, 'brackets' | 'alternatives'>
}

/** How anyone can check the export offline, printed with it. */
export function verificationNote(data: ExportData): string {
  return (
    `This document reproduces version ${data.version.seq} ("${data.version.name}") of the declaration "${data.declaration}". ` +
    `Its canonical text (RFC 8785 JSON after Unicode NFC normalization) has the SHA-256 ${data.version.sha256}. ` +
    'To verify it and its signatures offline, download the evidence bundle and the published key list from the Signatures screen and run ' +
    `"npm run verify -- bundle.json --keys keys.json --audit-head ${data.signatures.auditHead}" in a Kelisim checkout: it recomputes the hash of the text, ` +
    'checks every Ed25519 signature and that its key is on the published list, checks that the audit log contains the head printed here, ' +
    'and that every signature the log records is in the bundle.'
  )
}

/** A moment in an export: a document read anywhere names its zone, so it is given in UTC. */
function exportedDateTime(moment: string): string {
  return formatDateTime(moment, DEFAULT_LOCALE, 'UTC')
}

/** The line under the title: which version this is and when it was frozen. */
export function versionLine(data: ExportData): string {
  return `${data.version.name} (version ${data.version.seq}, frozen ${exportedDateTime(data.version.createdAt)})`
}

/** What the signatures page says of one delegation after its name: who signed when, with which key, or its status. */
export function signatureDetail(delegation: SignaturesView['delegations'][number]): string {
  const signature = delegation.signature
  if (!signature) return delegationStatus(delegation).toLowerCase()
  return (
    `signed by ${signature.signer} on ${exportedDateTime(signature.signedAt)}, key ${signature.fingerprint}` +
    `${signature.adReferendum ? ', ad referendum' : ''}${signature.reservation ? `. Reservation: ${signature.reservation}` : ''}`
  )
}

/** The audit log's head when the export was made, printed on its own line so it can be read and copied whole. */
export function auditHeadLine(data: ExportData): string {
  return `Audit log head: ${data.signatures.auditHead}`
}

/** The text of inline content, notes written out in brackets, and square brackets and alternatives printed in when given. */
export function inlineRuns(content: CanonicalInline[], marks: { brackets: PrintedBracket[]; alternatives: PrintedAlternatives[] } = { brackets: [], alternatives: [] }): { text: string; bold: boolean; italic: boolean }[] {
  const runs = content.map((run) => ('note' in run ? { text: ` [Note: ${run.note}]`, bold: false, italic: true, note: true } : { text: run.text, bold: run.marks.includes('bold'), italic: run.marks.includes('italic'), note: false }))
  // Bracket offsets count the paragraph's words only, never a note.
  return printBrackets(runs, marks.brackets, marks.alternatives, (run) => (run.note ? null : run.text), (run, text) => ({ ...run, text }), (text) => ({ text, bold: false, italic: false, note: false }))
}

/** A paragraph's label as printed, with its frozen status beside it: "OP3 (agreed)". */
export function printedLabel(data: ExportData, clause: Extract<CanonicalBlock, { type: 'clause' }>): string {
  const status = printedStatus(clause.id ? data.statuses.get(clause.id) : undefined)
  return status ? `${clause.label} ${status}` : clause.label
}
