import type { ParagraphStatusRecord } from '../../../../shared/paragraphStatus/paragraphStatusRecord.js'
import type { ParagraphStatusView } from '../../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import type { Store } from '../../store/Store.js'

/** Presents status records with who set them named with their delegation, reading the delegations once. */
export async function statusPresenter(store: Store): Promise<(record: ParagraphStatusRecord) => ParagraphStatusView> {
  const delegations = new Map((await store.listDelegations()).map((delegation) => [delegation.code, delegation]))
  return (record) => ({
    clauseId: record.clauseId,
    status: record.status,
    setBy: { id: record.setBy.id, name: record.setBy.name, delegation: delegations.get(record.setBy.delegation) ?? { code: record.setBy.delegation, name: record.setBy.delegation, color: '#595959' } },
    setAt: record.setAt,
    version: record.version,
  })
}
