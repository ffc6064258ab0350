import type { Delegation } from '../../../../shared/api/schemas.js'
import type { ThreadView } from '../../../../shared/comments/commentSchemas.js'
import type { AuthorRecord, Store, ThreadRecord } from '../../store/Store.js'

/** A thread as every client sees it; deleted comments keep their place without their text or mentions. */
export async function presentThread(store: Store, thread: ThreadRecord): Promise<ThreadView> {
  const delegations = new Map((await store.listDelegations()).map((delegation) => [delegation.code, delegation]))
  const delegationOf = (code: string): Delegation => delegations.get(code) ?? { code, name: code, color: '#595959' }
  const author = (record: AuthorRecord) => ({ id: record.id, name: record.name, delegation: delegationOf(record.delegation) })
  return {
    id: thread.id,
    clauseId: thread.clauseId,
    anchor: thread.anchor,
    quote: thread.quote,
    status: thread.status,
    createdBy: author(thread.createdBy),
    createdAt: thread.createdAt,
    resolvedBy: thread.resolvedBy ? author(thread.resolvedBy) : null,
    resolvedAt: thread.resolvedAt,
    comments: thread.comments.map((comment) => ({
      id: comment.id,
      author: author(comment.author),
      body: comment.deleted ? '' : comment.body,
      mentions: comment.deleted ? [] : comment.mentions,
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
      deleted: comment.deleted,
    })),
    version: thread.version,
  }
}
