import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { startChildServer, type ChildServer } from '../../helpers/childServer.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText, clauseTexts, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
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

const occurrences = (text: string, words: string) => text.split(words).length - 1

describe('an accept killed -9 between its steps', () => {
  it.each([
    ['accept-stored', 'stored with its update, before the text changed', 0],
    ['text-applied', 'with its text on disk, before it was confirmed', 1],
  ] as const)('at "%s" (%s): after a restart the amendment is accepted, its text applied once, and audited once', async (point, _what, storedCopies) => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const held = await startChildServer(dataDir, { KELISIM_HOLD_DECISION: point }, [], 'tests/helpers/heldDecisionServer.ts')
    cleanups.push(() => void held.process.kill('SIGKILL'))
    const proposer = await startSession(held.url, 'editor-kaz')
    const client = connectClient(held.wsUrl, DOC, proposer)
    await whenSynced(client)
    const proposed = await api(held.url, 'POST', PATH, {
      token: proposer,
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 9), spans: [spanOnWords(client.text, 9, 'financial barriers', PROPOSED)] } },
    })
    expect(proposed.status).toBe(201)
    const amendment = proposed.body as AmendmentView
    client.destroy()

    const reached = decisionHeld(held)
    void api(held.url, 'POST', `${PATH}/${amendment.number}/accept`, { token: await startSession(held.url, 'chair') }).catch(() => undefined)
    await reached
    held.process.kill('SIGKILL')
    await held.exited

    // Killed between the steps: the record is not yet decided, the text has the change or not.
    const file = JSON.parse(await readFile(join(dataDir, 'amendments', `${DOC}.json`), 'utf8')) as { amendments: { status: string }[]; accepting: unknown[] }
    expect(file.amendments.map((stored) => stored.status)).toEqual(['pending'])
    expect(file.accepting).toHaveLength(1)
    expect(occurrences(clauseTexts(fragmentOf(await readStoredDocument(dataDir, DOC)))[9]!, PROPOSED)).toBe(storedCopies)

    const restarted = await startChildServer(dataDir)
    cleanups.push(() => void restarted.process.kill('SIGTERM'))
    const observer = await startSession(restarted.url, 'observer-idn')
    const listed = (await api(restarted.url, 'GET', PATH, { token: observer })).body as AmendmentView[]
    expect(listed.map((stored) => [stored.label, stored.status])).toEqual([[amendment.label, 'accepted']])
    const reader = connectClient(restarted.wsUrl, DOC, observer)
    cleanups.push(() => reader.destroy())
    await whenSynced(reader)
    await waitFor(() => clauseText(reader.text, 9).toString().includes(PROPOSED), 'the accepted text is there')
    expect(occurrences(clauseText(reader.text, 9).toString(), PROPOSED)).toBe(1)
    const audit = (await api(restarted.url, 'GET', `/api/declarations/${DOC}/audit`, { token: await startSession(restarted.url, 'chair') })).body as { entries: { action: string; actor: unknown; details: Record<string, unknown> }[] }
    expect(audit.entries.filter((entry) => entry.action === 'amendment.accepted').map((entry) => entry.details.amendment)).toEqual([amendment.label])
    const settled = JSON.parse(await readFile(join(dataDir, 'amendments', `${DOC}.json`), 'utf8')) as { accepting: unknown[] }
    expect(settled.accepting).toEqual([])
  })
})
