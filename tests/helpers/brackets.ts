import type * as decoding from 'lib0/decoding'
import type { BracketItem } from '../../shared/brackets/bracketSchemas.js'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { api } from './api.js'
import { anchorOnWords, clauseIdAt } from './commentAnchors.js'
import type { SyncClient } from './syncClients.js'

/** The brackets API of the demo declaration. */
export const BRACKETS_PATH = '/api/declarations/almaty-declaration/brackets'

/** Collects the brackets and alternatives the server pushes to a client. */
export function pushedBrackets(client: SyncClient): BracketItem[] {
  const pushed: BracketItem[] = []
  client.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
    const message = decodeControl(decoder as decoding.Decoder, ServerControlMessage)
    if (message.type === 'brackets') pushed.push(message.item)
  }
  return pushed
}

/** A bracket on `words` of the clause at `index` in a synced client's copy, at the request of `requestedBy`. */
export function bracketOn(client: SyncClient, index: number, words: string, requestedBy: string[] = ['KAZ'], reason = '') {
  return { kind: 'bracket', clauseId: clauseIdAt(client.text, index), anchor: anchorOnWords(client.text, index, words), requestedBy, reason }
}

/** Alternatives for `words` of the clause at `index`: each formulation with the delegation proposing it. */
export function alternativesOn(client: SyncClient, index: number, words: string, options: [string, string][]) {
  return { kind: 'alternatives', clauseId: clauseIdAt(client.text, index), anchor: anchorOnWords(client.text, index, words), options: options.map(([text, code]) => ({ text, proposedBy: [code] })) }
}

/** Places a bracket or alternatives as the moderator and returns what the server stored. */
export async function place(baseUrl: string, token: string, body: unknown): Promise<BracketItem> {
  const answer = await api(baseUrl, 'POST', BRACKETS_PATH, { token, body })
  if (answer.status !== 201) throw new Error(`placing failed: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body as BracketItem
}
