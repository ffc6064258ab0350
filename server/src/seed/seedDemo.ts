import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { newClauseId } from '../../../shared/editor/clauseId.js'
import type { ClauseKind } from '../../../shared/editor/clauseKind.js'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { randomUUID } from 'node:crypto'
import { hashPassword } from '../auth/passwords.js'
import type { Logger } from '../log.js'
import type { Store } from '../store/Store.js'
import { almatyDeclarationText } from './almatyDeclarationText.js'
import { demoAccounts } from './demoAccounts.js'
import { demoDelegations } from './demoDelegations.js'

/** The demo declaration's document name. */
export const DEMO_DECLARATION = 'almaty-declaration'

/** The Yjs state of a declaration with this title and these clauses, each with a fresh id. */
export function declarationState(title: string, clauses: { kind: ClauseKind; text: string }[]): Uint8Array {
  const json = {
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: title }] },
      ...clauses.map(({ kind, text }) => ({
        type: 'clause',
        attrs: { id: newClauseId(), kind },
        content: text ? [{ type: 'text', text }] : [],
      })),
    ],
  }
  const doc = prosemirrorJSONToYDoc(declarationSchema, json, DECLARATION_FRAGMENT)
  return Y.encodeStateAsUpdate(doc)
}

/** Seeds the demo delegations, accounts and the Almaty zero draft into a store that has no declarations yet. */
export async function seedDemo(store: Store, log: Logger): Promise<void> {
  await store.addDelegations(demoDelegations)
  if ((await store.listDeclarations()).length > 0) return
  const { title, preambular, operative } = almatyDeclarationText
  const clauses = [
    ...preambular.map((text) => ({ kind: 'preambular' as const, text })),
    ...operative.map((text) => ({ kind: 'operative' as const, text })),
  ]
  await store.createDeclaration(
    { name: DEMO_DECLARATION, title, createdAt: new Date().toISOString() },
    declarationState(title, clauses),
  )
  // Hashing is the slow part; scrypt runs on the thread pool, so all at once.
  const hashes = await Promise.all(demoAccounts.map((account) => hashPassword(account.password)))
  for (const [index, account] of demoAccounts.entries()) {
    if (await store.findParticipantByLogin(account.login)) continue
    const participant = {
      id: randomUUID(),
      login: account.login,
      name: account.name,
      delegation: account.delegation,
      passwordHash: hashes[index]!,
      createdAt: new Date().toISOString(),
    }
    await store.createParticipant(participant, [{ declaration: DEMO_DECLARATION, participantId: participant.id, role: account.role }])
  }
  log.info('demo_seeded', { declaration: DEMO_DECLARATION, accounts: demoAccounts.length })
}
