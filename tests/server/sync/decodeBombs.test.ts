import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { MAX_CLIENTS_PER_UPDATE, MAX_PENDING_BYTES } from '../../../server/src/sync/untrustedUpdate.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startServerWithTwoDeclarations } from '../../helpers/extraDeclaration.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import type { TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const OTHER = 'quiet-declaration'

let server: TestServer
let token: string

beforeAll(async () => {
  server = await startServerWithTwoDeclarations(OTHER)
  token = await startSession(server.url, 'chair')
})

afterAll(() => server.destroy())

/** `writers` separate clients each inserting `text` at the very start of the declaration at once. */
function concurrentInserts(writers: number, text: string): Uint8Array {
  const updates = Array.from({ length: writers }, () => {
    const doc = new Y.Doc()
    doc.getXmlFragment('default').insert(0, [new Y.XmlText(text)])
    return Y.encodeStateAsUpdate(doc)
  })
  return Y.mergeUpdates(updates)
}

/** A V1 update that only deletes, in `ranges` pieces, from a writer the server has never seen: Yjs parks it and retries it on every later update. */
function parkedDeletions(ranges: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, 987_654_321)
  encoding.writeVarUint(encoder, ranges)
  for (let range = 0; range < ranges; range += 1) {
    encoding.writeVarUint(encoder, range * 2)
    encoding.writeVarUint(encoder, 1)
  }
  return encoding.toUint8Array(encoder)
}

/** Sends one frame on a fresh socket and reports whether the server kept the socket open. */
async function sendAlone(frame: Uint8Array) {
  const socket = await openRawSync(server.wsUrl, DOC, token)
  socket.send(frame)
  const kept = await socket.probe()
  socket.ws.close()
  return kept ? null : await socket.closed
}

async function honestClient(name: string): Promise<SyncClient> {
  const client = connectClient(server.wsUrl, name, token)
  await whenSynced(client)
  return client
}

describe('untrusted updates', () => {
  it('are read only in the V1 encoding: a V2 update is refused and nothing of it applied', async () => {
    const reader = await honestClient(DOC)
    const before = Y.encodeStateVector(reader.doc)
    // Typed into the first clause, so that in V1 it is a change the editor schema allows.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc))
    clauseText(doc.getXmlFragment('default'), 0).insert(0, 'V2 payload ')
    const closed = await sendAlone(encodeUpdateFrame(Y.encodeStateAsUpdateV2(doc, before)))
    expect(closed).toMatchObject({ code: CloseCode.malformedMessage })
    expect(closed?.reason).toMatch(/V1|Malformed/)
    expect(await sendAlone(encodeUpdateFrame(Y.encodeStateAsUpdate(doc, before)))).toBeNull()
    await waitFor(() => reader.text.toString().includes('V2 payload'), 'the same change in V1 is applied')
    expect(Y.encodeStateVector(reader.doc)).not.toEqual(before)
    reader.destroy()
  })

  it(`may carry at most ${MAX_CLIENTS_PER_UPDATE} writers`, async () => {
    expect(await sendAlone(encodeUpdateFrame(concurrentInserts(MAX_CLIENTS_PER_UPDATE + 1, 'x')))).toMatchObject({ code: CloseCode.malformedMessage })
  })

  it('cannot park more than a bounded amount of changes whose dependencies never arrive', async () => {
    const doc = new Y.Doc()
    const text = new Y.XmlText()
    doc.getXmlFragment('default').insert(0, [text])
    const base = Y.encodeStateAsUpdate(doc)
    text.insert(0, 'y'.repeat(MAX_PENDING_BYTES * 2))
    // Only the part that builds on `base`, which the server never gets.
    const dependent = Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(base))
    const reader = await honestClient(DOC)
    const closed = await sendAlone(encodeUpdateFrame(dependent))
    expect(closed).toMatchObject({ code: CloseCode.malformedMessage })
    expect(await server.hub.withDocument(DOC, (document) => document.doc.store.pendingStructs)).toBeNull()
    reader.destroy()
  })

  it('cannot stall the server: the event loop keeps a p99 under 200 ms and another declaration keeps syncing', async () => {
    const v2 = (() => {
      const doc = new Y.Doc()
      doc.getXmlFragment('default').insert(0, [new Y.XmlText('z'.repeat(1000))])
      return encodeUpdateFrame(Y.encodeStateAsUpdateV2(doc))
    })()
    const bombs = [
      encodeUpdateFrame(parkedDeletions(200_000)),
      encodeUpdateFrame(concurrentInserts(MAX_CLIENTS_PER_UPDATE, 'w'.repeat(900))),
      encodeUpdateFrame(concurrentInserts(MAX_CLIENTS_PER_UPDATE + 1, 'v')),
      v2,
      // A V2 payload cut and padded: the encoding whose crafted forms hang Yjs's V2 merge.
      encodeUpdateFrame(Uint8Array.from([0, ...Array.from({ length: 26 }, (_, i) => (i * 37) % 256)])),
    ]
    const writer = await honestClient(OTHER)
    const reader = await honestClient(OTHER)
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const until = Date.now() + 4000
    const attackers = Array.from({ length: 3 }, async (_, lane) => {
      for (let round = lane; Date.now() < until; round += 1) {
        const socket = await openRawSync(server.wsUrl, DOC, token)
        while (socket.ws.readyState === socket.ws.OPEN && Date.now() < until) {
          socket.send(bombs[round % bombs.length]!)
          if (!(await socket.probe())) break
        }
        socket.ws.close()
      }
    })
    const latencies: number[] = []
    const typing = (async () => {
      // The new declaration's one clause is empty: it has no text node yet.
      const clause = writer.text.get(1) as Y.XmlElement
      const text = new Y.XmlText()
      clause.insert(0, [text])
      for (let n = 0; Date.now() < until; n += 1) {
        const marker = `[${n}]`
        const sent = performance.now()
        text.insert(0, marker)
        await waitFor(() => reader.text.toString().includes(marker), `keystroke ${n} reaches the other reader`, 5000)
        latencies.push(performance.now() - sent)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    await Promise.all([...attackers, typing])
    delay.disable()
    expect(delay.percentile(99) / 1e6).toBeLessThan(200)
    expect(latencies.length).toBeGreaterThan(20)
    expect(Math.max(...latencies)).toBeLessThan(1000)
    writer.destroy()
    reader.destroy()
  })
})
