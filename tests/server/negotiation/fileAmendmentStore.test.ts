import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { decideAmendment, NegotiationRefusal, proposeAmendment } from '../../../shared/negotiation/amendmentRules.js'
import { FileAmendmentStore } from '../../../server/src/negotiation/FileAmendmentStore.js'
import { tempDataDir } from '../../helpers/testServer.js'

const by = { id: 'p1', name: 'Aigerim Seitkali', delegation: 'KAZ' }
const change = { kind: 'paragraph.delete' as const, clauseId: 'abc123def456', against: { text: 'Commit to ensure;', sha256: '0'.repeat(64) } }
const make = (number: number) => proposeAmendment({ id: `a${number}`, number, change, justification: '', by, at: '2026-12-01T10:00:00.000Z' })
const accept = { number: 1, decision: { status: 'accepted' as const }, by, at: '2026-12-01T11:00:00.000Z', update: 'AAA=' }
const folders: string[] = []

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

async function folder(): Promise<string> {
  const made = await tempDataDir()
  folders.push(made)
  return made
}

describe('the amendment store and accepts in progress', () => {
  it('keeps an accept with its update on disk until it is settled, refuses a second, and settles it with its decision in one write', async () => {
    const directory = await folder()
    const store = await FileAmendmentStore.create(directory)
    await store.add('almaty', make)
    await store.beginAccept('almaty', accept)
    await expect(store.beginAccept('almaty', accept)).rejects.toBeInstanceOf(NegotiationRefusal)
    const onDisk = JSON.parse(await readFile(join(directory, 'almaty.json'), 'utf8')) as { accepting: unknown[]; amendments: { status: string }[] }
    expect([onDisk.accepting, onDisk.amendments.map((stored) => stored.status)]).toEqual([[accept], ['pending']])

    const reopened = await FileAmendmentStore.create(directory)
    expect(await reopened.pendingAccepts('almaty')).toEqual([accept])
    const decided = await reopened.settleAccept('almaty', 1, (current) => decideAmendment(current, accept.decision, by, accept.at))
    expect(decided.status).toBe('accepted')
    const settled = JSON.parse(await readFile(join(directory, 'almaty.json'), 'utf8')) as { accepting: unknown[]; amendments: { status: string }[] }
    expect([settled.accepting, settled.amendments.map((stored) => stored.status)]).toEqual([[], ['accepted']])
  })

  it('reads a file written before accepts were stored as having none in progress', async () => {
    const directory = await folder()
    await mkdir(directory, { recursive: true })
    await writeFile(join(directory, 'almaty.json'), JSON.stringify({ nextNumber: 2, mode: 'open', amendments: [make(1)] }))
    const store = await FileAmendmentStore.create(directory)
    expect(await store.pendingAccepts('almaty')).toEqual([])
    await store.beginAccept('almaty', accept)
    expect(await store.pendingAccepts('almaty')).toEqual([accept])
  })
  it('raises the version of an amendment with each stored change, and reads a file from before versions at 1', async () => {
    const directory = await folder()
    const { version: _, ...unversioned } = make(1)
    await writeFile(join(directory, 'almaty.json'), JSON.stringify({ nextNumber: 2, mode: 'open', amendments: [unversioned], accepting: [] }))
    const store = await FileAmendmentStore.create(directory)
    expect((await store.list('almaty')).map((amendment) => amendment.version)).toEqual([1])
    expect((await store.add('almaty', make)).version).toBe(1)
    expect((await store.update('almaty', 1, (current) => ({ ...current, justification: 'Clearer.' }))).version).toBe(2)
    await store.beginAccept('almaty', accept)
    expect((await store.settleAccept('almaty', 1, (current) => decideAmendment(current, accept.decision, by, accept.at))).version).toBe(3)
    expect((await (await FileAmendmentStore.create(directory)).list('almaty')).map((amendment) => amendment.version)).toEqual([3, 1])
  })
})
