import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { api } from '../../helpers/api.js'
import { pushedAmendments, spanOnWords } from '../../helpers/amendments.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { startSession } from '../../helpers/sessions.js'
import { mountSmallDisk, type SmallDisk } from '../../helpers/smallDisk.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('an amendment is pushed only once it is on disk', () => {
  it('while the disk is full, a proposal, a stance and a decision are refused, pushed to no page and not kept; once there is space the next is pushed', async (context) => {
    const disk: SmallDisk | null = await mountSmallDisk(16)
    if (!disk) {
      console.warn('Skipping the push order test: mounting a small filesystem needs root.')
      return context.skip()
    }
    cleanups.push(() => disk.unmount())
    const server: TestServer = await startTestServer({ dataDir: join(disk.path, 'data') })
    cleanups.push(() => server.destroy())
    const tokens = Object.fromEntries(await Promise.all(['editor-kaz', 'signatory-pol', 'chair', 'observer-idn'].map(async (login) => [login, await startSession(server.url, login)] as const)))
    const pages: SyncClient[] = ['editor-kaz', 'signatory-pol', 'observer-idn'].map((login) => connectClient(server.wsUrl, DOC, tokens[login]!))
    cleanups.push(() => pages.forEach((page) => page.destroy()))
    const pushes = pages.map((page) => pushedAmendments(page))
    await Promise.all(pages.map((page) => whenSynced(page)))
    const text = pages[0]!.text
    const propose = (index: number, words: string) =>
      api(server.url, 'POST', PATH, { token: tokens['editor-kaz']!, body: { change: { kind: 'words', clauseId: clauseIdAt(text, index), spans: [spanOnWords(text, index, words, `${words} and more`)] } } })
    const kept = (await propose(8, 'every learner')).body as AmendmentView
    await waitFor(() => pushes.every((pushed) => pushed.some((view) => view.id === kept.id)), 'a proposal made with space is pushed to every page')
    const list = async () => (await api(server.url, 'GET', PATH, { token: tokens['observer-idn']! })).body as AmendmentView[]
    const before = await list()

    await disk.fill()
    const refused = await propose(9, 'financial barriers')
    expect(refused.status, JSON.stringify(refused.body)).toBeGreaterThanOrEqual(500)
    expect(refused.body).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    expect((await api(server.url, 'PUT', `${PATH}/${kept.number}/stance`, { token: tokens['signatory-pol']!, body: { stance: 'supporter' } })).status).toBeGreaterThanOrEqual(500)
    expect((await api(server.url, 'POST', `${PATH}/${kept.number}/reject`, { token: tokens.chair!, body: { reason: 'Not agreed.' } })).status).toBeGreaterThanOrEqual(500)
    expect(await list()).toEqual(before)

    await disk.free()
    const later = await propose(17, 'sustainable')
    expect(later.status, JSON.stringify(later.body)).toBe(201)
    const laterView = later.body as AmendmentView
    // Pushes reach a page in order, so once this one is in, any push of the refused steps would be too.
    await waitFor(() => pushes.every((pushed) => pushed.some((view) => view.id === laterView.id)), 'the next proposal is pushed to every page')
    for (const pushed of pushes) {
      expect(pushed.map((view) => [view.label, view.status, view.stances.length])).toEqual([
        [kept.label, 'pending', 0],
        [laterView.label, 'pending', 0],
      ])
    }
    // Numbers are never reused, and the refused proposal took none.
    expect(laterView.number).toBe(kept.number + 1)
  })
})
