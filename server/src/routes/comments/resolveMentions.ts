import type { Mention } from '../../../../shared/comments/commentSchemas.js'
import { mentionTokens } from '../../../../shared/comments/mentions.js'
import type { Store } from '../../store/Store.js'

/** The people (members of the declaration, by login) and delegations (by code) a comment mentions. */
export async function resolveMentions(store: Store, declaration: string, body: string): Promise<Mention[]> {
  const mentions: Mention[] = []
  for (const token of mentionTokens(body)) {
    const delegation = await store.getDelegation(token)
    if (delegation) {
      mentions.push({ kind: 'delegation', id: delegation.code, label: delegation.name })
      continue
    }
    const participant = await store.findParticipantByLogin(token)
    if (participant && (await store.getRole(declaration, participant.id))) {
      mentions.push({ kind: 'participant', id: participant.id, label: participant.name })
    }
  }
  return mentions
}
