import type * as decoding from 'lib0/decoding'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { api, type ApiAnswer } from './api.js'
import type { SyncClient } from './syncClients.js'

/** Collects every control message the server pushes to a client. */
export function pushedControls(client: SyncClient): ServerControlMessage[] {
  const pushed: ServerControlMessage[] = []
  client.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
    pushed.push(decodeControl(decoder as decoding.Decoder, ServerControlMessage))
  }
  return pushed
}

/** Sets a paragraph's status through the API. */
export function setStatus(baseUrl: string, token: string, declaration: string, clauseId: string, body: { status: string; notTakenUp?: boolean }): Promise<ApiAnswer> {
  return api(baseUrl, 'PUT', `/api/declarations/${declaration}/paragraph-statuses/${clauseId}`, { token, body })
}

/** Resolves with the code and reason of the client's next close. */
export function nextClose(client: SyncClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.provider.once('connection-close', (event) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })))
}
