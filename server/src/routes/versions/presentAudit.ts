import type { z } from 'zod'
import { findChainBreak, GENESIS_HASH } from '../../../../shared/versions/auditChain.js'
import type { AuditNames, AuditView } from '../../../../shared/versions/versionSchemas.js'
import type { Store } from '../../store/Store.js'

/** The audit log as moderators read it: the entries exactly as hashed, with names for every participant, delegation and version they mention. */
export async function presentAudit(store: Store, declaration: string): Promise<z.infer<typeof AuditView>> {
  const entries = await store.audit.list(declaration)
  const names: AuditNames = { participants: {}, delegations: {}, versions: {} }
  for (const delegation of await store.listDelegations()) names.delegations[delegation.code] = delegation.name
  for (const version of await store.versions.list(declaration)) names.versions[version.id] = { seq: version.seq, name: version.name }
  const ids = new Set(entries.flatMap((entry) => [entry.actor?.id, entry.details.participant].filter((id): id is string => typeof id === 'string')))
  for (const id of ids) {
    const participant = await store.getParticipant(id)
    if (participant) names.participants[id] = { name: participant.name, delegation: participant.delegation }
  }
  return { entries, names, head: entries.at(-1)?.hash ?? GENESIS_HASH, chainBreak: await findChainBreak(entries) }
}
