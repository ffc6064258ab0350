import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { startChildServer, type ChildServer } from '../../helpers/childServer.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
const PROPOSED = 'financial and legal barriers'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

/** Resolves when the child logs that it holds a decision at its hold point. */
function decisionHeld(child: ChildServer): Promise<void> {
  return new Promise((resolve) => {
    let output = ''
    child.process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('"decision_held"')) resolve()
    })
  })
}

describe('an accept killed -9 after it was stored, whose paragraph is agreed when the server starts again', () => {
  it('is abandoned: the amendment needs an update, the agreed paragraph keeps its text, and no accept is left stored', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const held = await startChildServer(dataDir, { KELISIM_HOLD_DECISION: 'accept-stored' }, [], 'tests/helpers/heldDecisionServer.ts')
    cleanups.push(() => void held.process.kill('SIGKILL'))
    const proposer = await startSession(held.url, 'editor-kaz')
    const client = connectClient(held.wsUrl, DOC, proposer)
    await whenSynced(client)
    const clauseId = clauseIdAt(client.text, 9)
    const before = clauseText(client.text, 9).toString()
    const proposed = await api(held.url, 'POST', PATH, { token: proposer, body: { change: { kind: 'words', clauseId, spans: [spanOnWords(client.text, 9, 'financial barriers', PROPOSED)] } } })
    expect(proposed.status).toBe(201)
    const amendment = proposed.body as AmendmentView
    client.destroy()
    const reached = decisionHeld(held)
    void api(held.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: await startSession(held.url, 'chair') }).catch(() => undefined)
    await reached
    held.process.kill('SIGKILL')
    await held.exited

    // The paragraph is agreed on disk before the server starts again (as a restore or another process could leave it).
    const setBy = { id: 'chair', name: 'Chair', delegation: 'KAZ' }
    await mkdir(join(dataDir, 'paragraph-statuses'), { recursive: true })
    await writeFile(join(dataDir, 'paragraph-statuses', `${DOC}.json`), JSON.stringify({ statuses: { [clauseId]: { clauseId, status: 'agreed', setBy, setAt: new Date().toISOString() } } }))

    const restarted = await startChildServer(dataDir)
    cleanups.push(() => void restarted.process.kill('SIGTERM'))
    const observer = await startSession(restarted.url, 'observer-idn')
    const listed = (await api(restarted.url, 'GET', PATH, { token: observer })).body as AmendmentView[]
    expect(listed.map((stored) => [stored.label, stored.status])).toEqual([[amendment.label, 'needs-update']])
    const reader = connectClient(restarted.wsUrl, DOC, observer)
    cleanups.push(() => reader.destroy())
    await whenSynced(reader)
    expect(clauseText(reader.text, 9).toString()).toBe(before)
    const settled = JSON.parse(await readFile(join(dataDir, 'amendments', `${DOC}.json`), 'utf8')) as { accepting: unknown[] }
    expect(settled.accepting).toEqual([])
  })
})
