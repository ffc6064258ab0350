import { can } from '../../../shared/roles.js'
import type { SignaturesView } from '../../../shared/signatures/evidence.js'
import { fingerprint } from '../../../shared/signatures/signatureStatement.js'
import { GENESIS_HASH } from '../../../shared/versions/auditChain.js'
import type { Store } from '../store/Store.js'

/** Who signed a version: every delegation with a signatory (or a signature), k of n, and the audit log's head. */
export async function signaturesView(store: Store, declaration: string, versionId: string | null): Promise<SignaturesView> {
  const version = versionId ? (await store.versions.list(declaration)).find((record) => record.id === versionId) : undefined
  const signatures = (await store.signatures.list(declaration)).filter((signature) => signature.statement.versionId === versionId)
  const signing = new Set(signatures.map((signature) => signature.statement.delegation.code))
  for (const member of await store.listMembers(declaration)) {
    if (!can(member.role, 'signature.sign')) continue
    const participant = await store.getParticipant(member.participantId)
    if (participant) signing.add(participant.delegation)
  }
  const delegations = (await store.listDelegations())
    .filter((delegation) => signing.has(delegation.code))
    .map((delegation) => {
      const found = signatures.find((signature) => signature.statement.delegation.code === delegation.code)
      const statement = found?.statement
      return {
        code: delegation.code,
        name: delegation.name,
        signature: statement
          ? { signer: statement.signer.name, signedAt: statement.signedAt, fingerprint: fingerprint(statement.keyId), adReferendum: statement.adReferendum, reservation: statement.reservation }
          : null,
      }
    })
  return {
    version: version ? { id: version.id, name: version.name, sha256: version.sha256 } : null,
    delegations,
    signed: delegations.filter((delegation) => delegation.signature).length,
    total: delegations.length,
    auditHead: (await store.audit.list(declaration)).at(-1)?.hash ?? GENESIS_HASH,
  }
}
