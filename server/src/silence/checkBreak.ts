import { verifyStatement } from '../../../shared/signatures/signatureStatement.js'
import type { BreakStatement } from '../../../shared/silence/silenceSchemas.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { ApiProblem } from '../http/ApiProblem.js'
import type { SigningKeyRecord } from '../store/Store.js'
import type { SilenceRecord } from './SilenceStore.js'

/** How far a statement's time may be from the server's. */
const CLOCK_SKEW_MS = 10 * 60 * 1000

/** Who asks to break silence, as the session names them. */
export interface BreakSigner {
  id: string
  name: string
  delegation: { code: string; name: string }
}

/**
 * Checks a break against the silence it names, the version's text, the signer's session and registered key, and the
 * server's clock, then verifies its signature; throws a 400 naming the first thing wrong.
 */
export async function checkBreak(statement: BreakStatement, signature: string, silence: SilenceRecord, text: CanonicalText, signer: BreakSigner, key: SigningKeyRecord | undefined, now: number): Promise<void> {
  const refuse = (code: string, message: string) => new ApiProblem(400, code, message)
  if (statement.declaration !== silence.declaration || statement.versionId !== silence.version.id) throw refuse('wrong_version', 'The statement is for another declaration or version than the one under silence.')
  if (statement.versionSha256 !== silence.version.sha256) throw refuse('wrong_hash', "The statement's hash is not the hash of the version under silence.")
  if (statement.signer.id !== signer.id || statement.signer.name !== signer.name) throw refuse('wrong_signer', 'The statement names someone else as the signer.')
  if (statement.delegation.code !== signer.delegation.code || statement.delegation.name !== signer.delegation.name) throw refuse('wrong_delegation', "The statement names another delegation than the signer's.")
  if (!key || key.participantId !== signer.id) throw refuse('wrong_key', "The key is not one of the signer's registered keys.")
  if (Math.abs(Date.parse(statement.brokenAt) - now) > CLOCK_SKEW_MS) throw refuse('wrong_time', "The statement's time is too far from the server's; check the computer's clock.")
  const labels = new Map(text.blocks.flatMap((block) => (block.type === 'clause' && block.id ? [[block.id, block.label] as const] : [])))
  const named = new Set<string>()
  for (const paragraph of statement.paragraphs) {
    if (labels.get(paragraph.clauseId) !== paragraph.label) throw refuse('unknown_paragraph', `${paragraph.label} is not a paragraph of “${silence.version.name}”.`)
    if (named.has(paragraph.clauseId)) throw refuse('repeated_paragraph', `${paragraph.label} is named twice.`)
    named.add(paragraph.clauseId)
  }
  if (!(await verifyStatement(statement, signature, key.publicKey))) throw refuse('bad_signature', 'The signature does not verify against the statement and key.')
}
