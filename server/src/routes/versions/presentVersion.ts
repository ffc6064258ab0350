import type { VersionSummary } from '../../../../shared/versions/versionSchemas.js'
import type { Store, VersionRecord } from '../../store/Store.js'

/** A version in the list: everything but its text. */
export async function presentVersion(store: Store, record: Omit<VersionRecord, 'serialized' | 'pendingAmendments'>, intact: boolean, lockedVersion: string | null | undefined): Promise<VersionSummary> {
  const delegation = (await store.getDelegation(record.createdBy.delegation)) ?? { code: record.createdBy.delegation, name: record.createdBy.delegation, color: '#595959' }
  return {
    id: record.id,
    seq: record.seq,
    name: record.name,
    note: record.note,
    createdAt: record.createdAt,
    createdBy: { id: record.createdBy.id, name: record.createdBy.name, delegation },
    sha256: record.sha256,
    intact,
    locked: lockedVersion === record.id,
  }
}
