import * as Y from 'yjs'
import { documentClauses } from '../../shared/editor/documentClauses.js'
import type { SyncClient } from './syncClients.js'

/** The labels a client's copy of the text shows, in order. */
export const labelsOf = (client: SyncClient): string[] => documentClauses(client.doc).map((clause) => clause.label)

/** The label a client's copy shows for one paragraph. */
export const labelOfId = (client: SyncClient, id: string): string | undefined => documentClauses(client.doc).find((clause) => clause.id === id)?.label

/** Adds a paragraph of the same kind after the clause at `index` (0 is the first clause), as an editor would. */
export function addClauseAfter(client: SyncClient, index: number, id: string, text: string): void {
  const before = client.text.get(index + 1) as Y.XmlElement
  const clause = new Y.XmlElement('clause')
  clause.setAttribute('id', id)
  clause.setAttribute('kind', before.getAttribute('kind')!)
  clause.insert(0, [new Y.XmlText(text)])
  client.doc.transact(() => client.text.insert(index + 2, [clause]))
}

/** The index among the clauses of the one with this id. */
export function clauseIndexOf(client: SyncClient, id: string): number {
  return documentClauses(client.doc).findIndex((clause) => clause.id === id)
}

/** The id of the paragraph a client's copy shows with this label. */
export const idOfLabel = (client: SyncClient, label: string): string | null | undefined => documentClauses(client.doc).find((clause) => clause.label === label)?.id
