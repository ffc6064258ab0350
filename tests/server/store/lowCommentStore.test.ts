import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LowCommentStore } from '../../../server/src/store/LowCommentStore.js'
import { tempDataDir } from '../../helpers/testServer.js'

const author = { id: 'p1', name: 'Aigerim Seitkali', delegation: 'KAZ' }
const thread = { id: 't1', clauseId: 'abc123def456', anchor: null, quote: 'Commit', status: 'open' as const, createdBy: author, createdAt: '2026-12-01T10:00:00.000Z', resolvedBy: null, resolvedAt: null, comments: [] }
const folders: string[] = []

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

describe('the comment store', () => {
  it('raises the version of a thread with each stored change, and reads a thread from before versions at 0', async () => {
    const directory = await tempDataDir()
    folders.push(directory)
    await writeFile(join(directory, 'almaty.json'), JSON.stringify({ threads: [thread], mentionsReadAt: {} }))
    const store = await LowCommentStore.create(directory)
    expect((await store.listThreads('almaty')).map((stored) => stored.version)).toEqual([0])
    expect((await store.updateThread('almaty', 't1', (current) => ({ ...current!, status: 'resolved' }))).version).toBe(1)
    expect((await store.updateThread('almaty', 't2', () => ({ ...thread, id: 't2' }))).version).toBe(1)
    expect((await (await LowCommentStore.create(directory)).listThreads('almaty')).map((stored) => stored.version)).toEqual([1, 1])
  })
})
