import { rm } from 'node:fs/promises'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fragmentOf } from '../../helpers/declarationText.js'
import { applyEditorEdit, editorEdit, type EditorEdit } from '../../helpers/editorEdit.js'
import { FaultyLink, type Direction } from '../../helpers/faultyLink.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
// Fixed, so a failure is reproducible: fast-check reports this seed and the failing path.
const SEED = 20_251_125

type Step =
  | { kind: 'edit'; peer: number; edit: EditorEdit }
  | { kind: 'deliver'; queue: number; pick: number; duplicate: boolean }
  | { kind: 'drop'; queue: number; pick: number }
  | { kind: 'reconnect'; peer: number }
  | { kind: 'disconnect'; peer: number }
  | { kind: 'wait' }

const peer = fc.nat(4)
const queue = fc.nat(9)
const pick = fc.nat(20)
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), peer, edit: editorEdit }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('deliver' as const), queue, pick, duplicate: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), queue, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), peer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), peer }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'wait' as const }) },
)

/** Lets socket traffic in both directions through the event loop. */
const pause = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The queues that hold frames now, so every delivery or loss touches one. */
function nonEmptyQueues(links: FaultyLink[]): { link: FaultyLink; direction: Direction }[] {
  const directions: Direction[] = ['toServer', 'toClient']
  return links.flatMap((link) => directions.filter((direction) => link.held[direction].length > 0).map((direction) => ({ link, direction })))
}

async function run(links: FaultyLink[], step: Step): Promise<void> {
  if (step.kind === 'wait') return pause(3)
  if (step.kind === 'deliver' || step.kind === 'drop') {
    const queues = nonEmptyQueues(links)
    const chosen = queues[step.queue % Math.max(queues.length, 1)]
    if (step.kind === 'deliver') chosen?.link.deliver(chosen.direction, step.pick, step.duplicate)
    else chosen?.link.drop(chosen.direction, step.pick)
    return
  }
  const link = links[step.peer % links.length]!
  if (step.kind === 'edit') applyEditorEdit(link.doc, step.edit)
  else if (step.kind === 'disconnect') link.disconnect()
  else {
    link.disconnect()
    await link.connect()
  }
}

const textOf = (doc: Y.Doc) => fragmentOf(doc).toString()
const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && textOf(a) === textOf(b)

/** Runs the network without faults until every link has resynced and all documents agree. */
async function heal(links: FaultyLink[]): Promise<void> {
  await waitFor(() => {
    for (const link of links) link.flush()
    return links.every((link) => link.caughtUp && sameState(link.doc, links[0]!.doc))
  }, 'every client resynced and agrees', 5000)
}

describe('convergence when the network reorders, duplicates and drops messages', () => {
  let dataDir: string
  let token: string

  beforeAll(async () => {
    dataDir = await tempDataDir()
    const server = await startTestServer({ dataDir })
    token = await startSession(server.url, 'editor-kaz')
    await server.close()
  })

  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('every client ends with the same declaration, equal to the server’s after a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 5 }), fc.array(step, { minLength: 10, maxLength: 80 }), async (peers, steps) => {
        const server = await startTestServer({ dataDir })
        const links = Array.from({ length: peers }, () => new FaultyLink(`${server.wsUrl}/${DOC}`, token, new Y.Doc()))
        try {
          for (const link of links) await link.connect()
          await heal(links)
          for (const one of steps) {
            await run(links, one)
            await pause()
          }
          // The network recovers: frames still held arrive, then every client reconnects as the provider does.
          for (const link of links) link.flush()
          for (const link of links) {
            link.disconnect()
            await link.connect()
          }
          await heal(links)
          for (const link of links) await link.saved()
          expect(links.map((link) => link.serverCloses)).toEqual(links.map(() => []))
        } finally {
          for (const link of links) link.disconnect()
          await server.close()
        }

        const reopened = await startTestServer({ dataDir })
        const fresh = connectClient(reopened.wsUrl, DOC, token)
        try {
          await whenSynced(fresh)
          for (const link of links) {
            expect(Y.encodeStateVector(link.doc)).toEqual(Y.encodeStateVector(fresh.doc))
            expect(textOf(link.doc)).toBe(textOf(fresh.doc))
          }
        } finally {
          fresh.destroy()
          await reopened.close()
        }
      }),
      // A failure is reported with its seed before the test's own timeout, even if shrinking it is slow.
      { numRuns: 40, seed: SEED, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    )
  })
})
