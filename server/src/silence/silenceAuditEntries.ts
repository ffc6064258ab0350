import canonicalize from 'canonicalize'
import { SilenceAuditAction } from '../../../shared/silence/silenceAudit.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { AuditEntry } from '../store/Store.js'
import type { SilenceRecord } from './SilenceStore.js'

type EntryBody = Pick<AuditEntry, 'actor' | 'action' | 'details'>

/** The audit entries a silence calls for, in order: its opening, each break, and its outcome once decided. */
export async function silenceAuditEntries(silence: SilenceRecord): Promise<EntryBody[]> {
  const { version } = silence
  const entries: EntryBody[] = [
    {
      actor: silence.openedBy,
      action: SilenceAuditAction.opened,
      details: { silence: silence.id, version: version.id, sha256: version.sha256, deadline: silence.deadline, timeZone: silence.timeZone },
    },
  ]
  for (const { id, statement, signature } of silence.breaks) {
    entries.push({
      actor: { id: statement.signer.id, name: statement.signer.name, delegation: statement.delegation.code },
      action: SilenceAuditAction.break,
      details: {
        silence: silence.id,
        breakId: id,
        version: version.id,
        delegation: statement.delegation.code,
        paragraphs: statement.paragraphs.map((paragraph) => paragraph.label),
        keyId: statement.keyId,
        signature,
        statementSha256: await sha256Hex(canonicalize(statement) ?? ''),
      },
    })
  }
  if (silence.outcome) {
    entries.push({
      // The server decides at the deadline; a withdrawal is the moderator's, who unlocked the draft.
      actor: silence.outcome.by ?? null,
      action: SilenceAuditAction.decided,
      details: {
        silence: silence.id,
        version: version.id,
        sha256: version.sha256,
        outcome: silence.outcome.state,
        deadline: silence.deadline,
        breaks: silence.breaks.map((entry) => entry.statement.delegation.code),
      },
    })
  }
  return entries
}
