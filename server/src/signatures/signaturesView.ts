import { can } from '../../../shared/roles.js'
import type { SignaturesView } from '../../../shared/signatures/evidence.js'
import { fingerprint } from '../../../shared/signatures/signatureStatement.js'
import { GENESIS_HASH } from '../../../shared/versions/auditChain.js'
import type { Store } from '../store/Store.js'

/** Who signed a version: every delegation taking part (a member who has accepted, or a signature), which are expected to sign, k of n, and the audit log's head. */
export async function signaturesView(store: Store, declaration: string, versionId: string | null): Promise<SignaturesView> {
  const version = versionId ? (await store.versions.list(declaration)).find((record) => record.id === versionId) : undefined
  const signatures = (await store.signatures.list(declaration)).filter((signature) => signature.statement.versionId === versionId)
  const taking = new Set(signatures.map((signature) => signature.statement.delegation.code))
  const expected = new Set<string>()
  for (const member of await store.listMembers(declaration)) {
    const participant = await store.getParticipant(member.participantId)
    // Someone invited who has not yet set a password is not a member yet: their delegation does not count for them.
    if (!participant || participant.passwordHash === null) continue
    taking.add(participant.delegation)
    if (can(member.role, 'signature.sign')) expected.add(participant.delegation)
  }
  const delegations = (await store.listDelegations())
    .filter((delegation) => taking.has(delegation.code))
    .map((delegation) => {
      const found = signatures.find((signature) => signature.statement.delegation.code === delegation.code)
      const statement = found?.statement
      return {
        code: delegation.code,
        name: delegation.name,
        expectedToSign: expected.has(delegation.code),
        signature: statement
          ? { signer: statement.signer.name, signedAt: statement.signedAt, fingerprint: fingerprint(statement.keyId), adReferendum: statement.adReferendum, reservation: statement.reservation }
          : null,
      }
    })
  return {
    version: version ? { id: version.id, name: version.name, sha256: version.sha256 } : null,
    delegations,
    signed: delegations.filter((delegation) => delegation.signature).length,
    expected: delegations.filter((delegation) => delegation.expectedToSign).length,
    total: delegations.length,
    auditHead: (await store.audit.list(declaration)).at(-1)?.hash ?? GENESIS_HASH,
  }
}
