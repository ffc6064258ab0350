import { can } from '../../../shared/roles.js'
import type { PublishedKey, PublishedKeys } from '../../../shared/signatures/publishedKeys.js'
import { fingerprint } from '../../../shared/signatures/signatureStatement.js'
import type { Store } from '../store/Store.js'

/** The key list the secretariat publishes: every registered key of the declaration's signatories and every key that signed, in the form `verify --keys` reads. */
export async function publishedKeysView(store: Store, declaration: string, now = new Date()): Promise<PublishedKeys> {
  const delegations = new Map((await store.listDelegations()).map((delegation) => [delegation.code, delegation]))
  const keys: PublishedKey[] = []
  for (const member of await store.listMembers(declaration)) {
    if (!can(member.role, 'signature.sign')) continue
    const participant = await store.getParticipant(member.participantId)
    const delegation = participant && delegations.get(participant.delegation)
    if (!participant || !delegation) continue
    for (const key of await store.listKeys(participant.id)) {
      keys.push({ delegation: { code: delegation.code, name: delegation.name }, signer: { id: participant.id, name: participant.name }, keyId: key.keyId, fingerprint: fingerprint(key.keyId) })
    }
  }
  // A key that signed stays listed after its holder's role changes, so their signature still verifies.
  for (const { statement } of await store.signatures.list(declaration)) {
    if (keys.some((key) => key.keyId === statement.keyId)) continue
    keys.push({ delegation: statement.delegation, signer: statement.signer, keyId: statement.keyId, fingerprint: fingerprint(statement.keyId) })
  }
  return { format: 'kelisim-keys/1', declaration, publishedAt: now.toISOString(), keys }
}
