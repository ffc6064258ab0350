import { expect } from 'vitest'
import type * as Y from 'yjs'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import type { spanAt } from './amendments.js'
import { api } from './api.js'
import { clauseIdAt } from './commentAnchors.js'
import { clauseTexts } from './declarationText.js'
import { startSession } from './sessions.js'
import { connectClient, whenSynced } from './syncClients.js'
import type { TestServer } from './testServer.js'

const DOC = 'almaty-declaration'

/** Proposes a words amendment as `login` over the API, as another client would: `spanOf` builds its span on the clause at `index` (-1 is the last clause). */
export async function proposeOverApi(
  server: TestServer,
  login: string,
  index: number,
  spanOf: (fragment: Y.XmlFragment, index: number) => ReturnType<typeof spanAt>,
  justification: string,
): Promise<AmendmentView> {
  const token = await startSession(server.url, login)
  const client = connectClient(server.wsUrl, DOC, token)
  await whenSynced(client)
  const at = index < 0 ? clauseTexts(client.text).length + index : index
  const change = { kind: 'words', clauseId: clauseIdAt(client.text, at), spans: [spanOf(client.text, at)] }
  const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/amendments`, { token, body: { change, justification } })
  client.destroy()
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body as AmendmentView
}
