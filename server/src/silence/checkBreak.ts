import { verifyStatement } from '../../../shared/signatures/signatureStatement.js'
import type { BreakStatement } from '../../../shared/silence/silenceSchemas.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { MessageValues, ServerMessageKey } from '../../../shared/i18n/messageKeys.js'
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
  const refuse = (key: ServerMessageKey, values: MessageValues = {}) => new ApiProblem(400, key, values)
  if (statement.declaration !== silence.declaration || statement.versionId !== silence.version.id) throw refuse('wrong_version.silence')
  if (statement.versionSha256 !== silence.version.sha256) throw refuse('wrong_hash.silence')
  if (statement.signer.id !== signer.id || statement.signer.name !== signer.name) throw refuse('wrong_signer')
  if (statement.delegation.code !== signer.delegation.code || statement.delegation.name !== signer.delegation.name) throw refuse('wrong_delegation')
  if (!key || key.participantId !== signer.id) throw refuse('wrong_key')
  if (Math.abs(Date.parse(statement.brokenAt) - now) > CLOCK_SKEW_MS) throw refuse('wrong_time')
  const labels = new Map(text.blocks.flatMap((block) => (block.type === 'clause' && block.id ? [[block.id, block.label] as const] : [])))
  const named = new Set<string>()
  for (const paragraph of statement.paragraphs) {
    if (labels.get(paragraph.clauseId) !== paragraph.label) throw refuse('unknown_paragraph.silence', { label: paragraph.label, name: silence.version.name })
    if (named.has(paragraph.clauseId)) throw refuse('repeated_paragraph', { label: paragraph.label })
    named.add(paragraph.clauseId)
  }
  if (!(await verifyStatement(statement, signature, key.publicKey))) throw refuse('bad_signature')
}
