import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { startChildServer, type ChildServer } from '../../helpers/childServer.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseTexts, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

async function kill(child: ChildServer): Promise<void> {
  child.process.kill('SIGKILL')
  await child.exited
}

describe('amendment durability', () => {
  it('keeps an amendment answered 201, and an accept answered 200 with its text and its place in the redline, and a mode switch answered 200, through kill -9', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    let child = await startChildServer(dataDir)
    // The server saves as it shuts down, so its folder is removed only once it has exited.
    cleanups.push(async () => {
      child.process.kill('SIGTERM')
      await child.exited
    })
    const proposer = await startSession(child.url, 'editor-kaz')
    const client = connectClient(child.wsUrl, DOC, proposer)
    cleanups.push(() => client.destroy())
    await whenSynced(client)
    const propose = (index: number, words: string, replacement: string) =>
      api(child.url, 'POST', `/api/declarations/${DOC}/amendments`, {
        token: proposer,
        body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, index), spans: [spanOnWords(client.text, index, words, replacement)] }, justification: 'Бұл маңызды.' },
      })
    const kept = await propose(8, 'every learner', 'every learner, every girl')
    expect(kept.status).toBe(201)
    const decided = await propose(9, 'financial barriers', 'financial and legal barriers')
    expect(decided.status).toBe(201)
    const number = (decided.body as AmendmentView).number
    const chair = await startSession(child.url, 'chair')
    const frozen = await api(child.url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name: 'Rev.1' } })
    expect(frozen.status).toBe(201)
    const rev1 = (frozen.body as { version: { id: string } }).version.id
    const accepted = await api(child.url, 'POST', `/api/declarations/${DOC}/amendments/${number}/accept`, { token: chair })
    expect(accepted.status).toBe(200)
    expect((await api(child.url, 'PUT', `/api/declarations/${DOC}/mode`, { token: chair, body: { mode: 'negotiation' } })).status).toBe(200)
    client.destroy()
    await kill(child)

    const stored = JSON.parse(await readFile(join(dataDir, 'amendments', `${DOC}.json`), 'utf8')) as { amendments: { number: number; status: string }[] }
    expect(stored.amendments.map((amendment) => [amendment.number, amendment.status])).toEqual([
      [(kept.body as AmendmentView).number, 'pending'],
      [number, 'accepted'],
    ])
    expect(clauseTexts(fragmentOf(await readStoredDocument(dataDir, DOC)))[9]).toContain('financial and legal barriers')

    child = await startChildServer(dataDir)
    const listed = (await api(child.url, 'GET', `/api/declarations/${DOC}/amendments`, { token: await startSession(child.url, 'observer-idn') })).body as AmendmentView[]
    expect(listed.map((amendment) => [amendment.label, amendment.status, amendment.justification])).toEqual([
      ['A1', 'pending', 'Бұл маңызды.'],
      ['A2', 'accepted', 'Бұл маңызды.'],
    ])
    expect((await api(child.url, 'GET', `/api/declarations/${DOC}/mode`, { token: await startSession(child.url, 'observer-idn') })).body).toEqual({ mode: 'negotiation' })
    // The redline names the accept from the records and the audit log: the change's origin died with the process.
    const compared = await api(child.url, 'GET', `/api/declarations/${DOC}/redline?from=${rev1}&to=live`, { token: await startSession(child.url, 'chair') })
    expect((compared.body as { accepted: { text: string }[] }).accepted.map((line) => line.text)).toEqual(['OP2: A2 (Kazakhstan) accepted'])
  })
})
