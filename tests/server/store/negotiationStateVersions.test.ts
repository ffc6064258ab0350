import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileBracketStore } from '../../../server/src/brackets/FileBracketStore.js'
import { FileParagraphStatusStore } from '../../../server/src/paragraphStatus/FileParagraphStatusStore.js'
import { placeItem, resolveItem } from '../../../shared/brackets/bracketRules.js'
import { tempDataDir } from '../../helpers/testServer.js'

const chair = { id: 'p1', name: 'Aigerim Seitkali', delegation: 'KAZ' }
const at = '2026-12-01T10:00:00.000Z'
const folders: string[] = []

async function folder(): Promise<string> {
  const directory = await tempDataDir()
  folders.push(directory)
  return directory
}

afterEach(async () => {
  for (const directory of folders.splice(0)) await rm(directory, { recursive: true, force: true })
})

describe('the bracket store', () => {
  it('places an item at version 1, raises it with each stored change, and reads an item from before versions at 0', async () => {
    const directory = await folder()
    const placed = placeItem({ kind: 'bracket', clauseId: 'abc123def456', requestedBy: ['KAZ'], reason: '' }, { id: 'b1', quote: 'every learner', by: chair, at })
    const { version: _version, ...older } = placed
    await writeFile(join(directory, 'almaty.json'), JSON.stringify({ items: [{ ...older, id: 'b0' }] }))
    const store = await FileBracketStore.create(directory)
    expect((await store.list('almaty')).map((item) => item.version)).toEqual([0])
    expect((await store.add('almaty', placed)).version).toBe(1)
    expect((await store.update('almaty', 'b1', (item) => resolveItem(item, { action: 'lift' }, chair, at).item)).version).toBe(2)
    expect((await store.update('almaty', 'b0', (item) => resolveItem(item, { action: 'lift' }, chair, at).item)).version).toBe(1)
    await store.close()
    expect((await (await FileBracketStore.create(directory)).list('almaty')).map((item) => [item.id, item.version])).toEqual([
      ['b0', 1],
      ['b1', 2],
    ])
  })
})

describe('the paragraph status store', () => {
  it('reads a status from before versions at 0', async () => {
    const directory = await folder()
    await writeFile(join(directory, 'almaty.json'), JSON.stringify({ statuses: { abc123def456: { clauseId: 'abc123def456', status: 'agreed', setBy: chair, setAt: at } } }))
    const store = await FileParagraphStatusStore.create(directory)
    expect((await store.list('almaty')).map((record) => record.version)).toEqual([0])
    expect(store.current('almaty').get('abc123def456')?.version).toBe(0)
  })
})
