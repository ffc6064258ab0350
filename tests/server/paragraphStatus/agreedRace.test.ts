import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import type { StatusEvent } from '../../../server/src/paragraphStatus/ParagraphStatusService.js'
import { barrier, type Barrier } from '../../helpers/barrier.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { nextClose, setStatus } from '../../helpers/paragraphStatuses.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let watcher: SyncClient
let chair: string
/** Where the next status change stops, if a test set one. */
let held: { event: StatusEvent; at: Barrier } | null = null

beforeAll(async () => {
  server = await startTestServer({ paragraphStatusHook: (event) => (held?.event === event ? held.at.hold() : Promise.resolve()) })
  chair = await startSession(server.url, 'chair')
  watcher = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-idn'))
  await whenSynced(watcher)
})
afterAll(async () => {
  watcher.destroy()
  await server.destroy()
})

async function editor(): Promise<SyncClient> {
  const client = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-nga'))
  await whenSynced(client)
  return client
}

/** Starts marking the paragraph agreed and waits until the step is held at `event`. */
async function agreeHeldAt(event: StatusEvent, index: number) {
  const at = barrier()
  held = { event, at }
  let answered = false
  const answer = setStatus(server.url, chair, DOC, clauseIdAt(watcher.text, index), { status: 'agreed' }).then((result) => ((answered = true), result))
  await at.reached
  return { answer, release: () => at.open(), answered: () => answered }
}

describe('a keystroke racing "agreed" lands before it or is refused, never after', () => {
  it('refuses a keystroke that arrives once the paragraph has closed but before its status is stored and answered', async () => {
    const client = await editor()
    const agreeing = await agreeHeldAt('closing', 12)
    const closed = nextClose(client)
    clauseText(client.text, 12).insert(0, '[too late] ')
    expect((await closed).code).toBe(CloseCode.changeRefused)
    expect(agreeing.answered()).toBe(false)
    agreeing.release()
    expect((await agreeing.answer).status).toBe(200)
    expect(clauseText(watcher.text, 12).toString()).not.toContain('[too late]')
    client.destroy()
  })

  it('applies a keystroke that arrives before the paragraph closes, and it is on disk when "agreed" is answered', async () => {
    const client = await editor()
    const agreeing = await agreeHeldAt('requested', 13)
    clauseText(client.text, 13).insert(0, '[in time] ')
    await waitFor(() => clauseText(watcher.text, 13).toString().startsWith('[in time] '), 'the keystroke is applied')
    agreeing.release()
    expect((await agreeing.answer).status).toBe(200)
    const stored = await readStoredDocument(server.dataDir, DOC)
    expect(clauseText(fragmentOf(stored), 13).toString()).toMatch(/^\[in time\] /)
    const closed = nextClose(client)
    clauseText(client.text, 13).insert(0, '[after] ')
    expect((await closed).code).toBe(CloseCode.changeRefused)
    client.destroy()
  })
})
