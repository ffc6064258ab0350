import { fingerprint } from '../../../shared/signatures/signatureStatement.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import type { SilenceRecord } from './SilenceStore.js'

/** A silence as every page shows it. */
export function presentSilence(silence: SilenceRecord): SilenceView {
  return {
    id: silence.id,
    version: silence.version,
    deadline: silence.deadline,
    timeZone: silence.timeZone,
    openedAt: silence.openedAt,
    openedBy: { name: silence.openedBy.name, delegation: silence.openedBy.delegation },
    state: silence.outcome?.state ?? 'running',
    decidedAt: silence.outcome?.decidedAt ?? null,
    breaks: silence.breaks.map(({ id, statement }) => ({
      id,
      delegation: statement.delegation,
      signer: statement.signer.name,
      brokenAt: statement.brokenAt,
      paragraphs: statement.paragraphs,
      statement: statement.statement,
      fingerprint: fingerprint(statement.keyId),
    })),
  }
}
