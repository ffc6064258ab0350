import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { encodeControl } from '../../../shared/protocol/controlCodec.js'
import { encodeAwarenessFrame, encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { fragmentOf } from '../../helpers/declarationText.js'
import { hostileFrames } from '../../helpers/hostileFrames.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { openRawSync, type Closed } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const FRAMES = 10_000
const LANES = 4

let server: TestServer
const RATE = { linesPerWindow: 100, windowMs: 10_000 }
const captured = capturedLogger(RATE)

beforeAll(async () => {
  // Limits high enough that only the frames' content, not their rate, closes the attacker here.
  server = await startTestServer({ log: captured.log, limits: { budget: { perSecond: 1e9, burst: 1e9 } } })
})

afterAll(() => server.destroy())

/** The text of the first clause that still exists: garbage may have deleted others. */
function firstClause(client: SyncClient): Y.XmlText | null {
  for (const node of client.text.toArray()) {
    const text = node instanceof Y.XmlElement && node.nodeName === 'clause' ? node.get(0) : null
    if (text instanceof Y.XmlText) return text
  }
  return null
}

/** Frames an honest editor sends, built on the live document, for the generator to mutate. */
function validFrames(honest: SyncClient): Uint8Array[] {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(honest.doc))
  const updates: Uint8Array[] = []
  copy.on('update', (update: Uint8Array) => updates.push(update))
  const clause = fragmentOf(copy).get(1) as Y.XmlElement
  ;(clause.get(0) as Y.XmlText).insert(3, 'mutated')
  ;(clause.get(0) as Y.XmlText).format(0, 5, { bold: true })
  ;(clause.get(0) as Y.XmlText).delete(0, 2)
  const presence = Uint8Array.from([1, copy.clientID & 0x7f, 1, 2, 0x7b, 0x7d])
  return [...updates.map(encodeUpdateFrame), encodeAwarenessFrame(presence), encodeControl({ v: 1, type: 'flush', seq: 1 })]
}

describe('garbage on the socket', () => {
  it(`survives ${FRAMES} random and mutated frames from an editor while two others edit, closing at each bad frame`, async () => {
    const token = await startSession(server.url, 'editor-gbr')
    const attackerToken = await startSession(server.url, 'editor-nga')
    const honest = [connectClient(server.wsUrl, DOC, token), connectClient(server.wsUrl, DOC, token)]
    await Promise.all(honest.map(whenSynced))
    const frames = hostileFrames(FRAMES, 20261125, validFrames(honest[0]!))

    let typing = true
    const typed = honest.map(async (client, index) => {
      for (let n = 0; typing; n += 1) {
        firstClause(client)?.insert(0, `${'ab'[index]}${n} `)
        await new Promise((resolve) => setTimeout(resolve, 15))
      }
    })

    const closes: Closed[] = []
    const attackStarted = performance.now()
    let accepted = 0
    let next = 0
    const lane = async () => {
      let socket = await openRawSync(server.wsUrl, DOC, attackerToken)
      while (next < frames.length) {
        socket.send(frames[next++]!)
        if (await socket.probe()) {
          accepted += 1
          continue
        }
        closes.push(await socket.closed)
        socket = await openRawSync(server.wsUrl, DOC, attackerToken)
      }
      socket.ws.close()
    }
    await Promise.all(Array.from({ length: LANES }, lane))
    const attackWindows = Math.ceil((performance.now() - attackStarted) / RATE.windowMs) + 1
    typing = false
    await Promise.all(typed)

    // Nearly every frame is refused, each with the protocol's code and a reason a person can read.
    expect(closes.length).toBeGreaterThan(FRAMES * 0.6)
    expect(accepted + closes.length).toBe(FRAMES)
    // Mutated updates that still decode but break the editor schema are refused as changes, so their sender resyncs.
    const codes = new Set(closes.map((close) => close.code))
    expect([...codes].every((code) => code === CloseCode.malformedMessage || code === CloseCode.changeRefused)).toBe(true)
    expect(codes.has(CloseCode.malformedMessage)).toBe(true)
    expect(closes.every((close) => close.reason.length > 5)).toBe(true)

    // The honest editors converge, and still reach each other.
    await waitFor(() => honest[0]!.text.toString() === honest[1]!.text.toString(), 'honest clients converge')
    firstClause(honest[0]!)?.insert(0, 'AFTER-THE-ATTACK ')
    await waitFor(() => honest[1]!.text.toString().includes('AFTER-THE-ATTACK'), 'edits still propagate')
    await waitFor(() => honest[0]!.text.toString() === honest[1]!.text.toString(), 'honest clients converge again')
    const seen = honest[0]!.text.toString()

    // The log is bounded by its rate, however slow the machine: a hundred lines a window, not one per refused frame.
    const refusedLines = captured.lines.filter((line) => line.event === 'sync_message_refused').length
    expect(refusedLines).toBeLessThanOrEqual(RATE.linesPerWindow * attackWindows)
    expect(refusedLines).toBeLessThan(closes.length / 5)
    // The count of what was suppressed is written when its window ends, which a fast run may not have reached yet.
    await waitFor(() => captured.lines.some((line) => line.event === 'log_suppressed'), 'the suppressed lines are counted in the log', 25_000)
    const events = new Set(captured.lines.map((line) => line.event)).size
    const windowsSoFar = Math.ceil((performance.now() - attackStarted) / RATE.windowMs) + 1
    expect(captured.lines.length).toBeLessThanOrEqual(events * RATE.linesPerWindow * windowsSoFar)
    expect(captured.lines.length).toBeLessThan(closes.length)

    // Operators see the attack as a count, not as log lines.
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    expect(metrics).toContain(`kelisim_connections_refused_total ${closes.length}`)

    // After a restart, the stored document is what the honest editors see.
    for (const client of honest) client.destroy()
    const { dataDir } = server
    await server.close()
    server = await startTestServer({ dataDir })
    const reader = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    await whenSynced(reader)
    expect(reader.text.toString()).toBe(seen)
    reader.destroy()
  })
})
