import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { clauseText, clauseTexts, fragmentOf, readStoredDocument, readStoredUpdates } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

async function connect(server: { url: string; wsUrl: string }): Promise<SyncClient> {
  const client = connectClient(server.wsUrl, DOC, await startSession(server.url))
  cleanups.push(() => client.destroy())
  await whenSynced(client)
  return client
}

describe('durable saving', () => {
  it('sends "saved" only once the change is on disk', async () => {
    // A long commit window: an acknowledgement sent before the write would find the disk without the change.
    const server = await startTestServer({ save: { commitDelayMs: 300 } })
    cleanups.push(() => server.destroy())
    const client = await connect(server)
    const confirm = savedAcks(client)
    for (let seq = 1; seq <= 3; seq += 1) {
      clauseText(client.text, 0).insert(0, `SAVED-${seq} `)
      await confirm(seq)
      const onDisk = await readStoredDocument(server.dataDir, DOC)
      expect(clauseTexts(fragmentOf(onDisk))[0]).toContain(`SAVED-${seq} `)
    }
  })

  it('groups a burst of keystrokes into few writes', async () => {
    const server = await startTestServer({ save: { commitDelayMs: 50 } })
    cleanups.push(() => server.destroy())
    const client = await connect(server)
    const confirm = savedAcks(client)
    for (const character of 'typing fast') clauseText(client.text, 0).insert(0, character)
    await confirm(1)
    const records = (await readStoredUpdates(server.dataDir, DOC)).length
    // The seeded state is one record; eleven keystrokes within the window share one append.
    expect(records).toBeLessThanOrEqual(3)
  })

  it('keeps everything across a clean restart, and unloads idle documents compacted', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const first = await startTestServer({ dataDir })
    const client = await connect(first)
    clauseText(client.text, 2).insert(0, 'BEFORE-RESTART ')
    await savedAcks(client)(1)
    const expected = client.text.toString()
    client.destroy()
    await waitFor(() => first.hub.size === 0, 'document unloaded after the last client left')
    expect(await readStoredUpdates(dataDir, DOC)).toHaveLength(1)
    await first.close()

    const second = await startTestServer({ dataDir })
    cleanups.push(() => second.close())
    const reader = await connect(second)
    expect(reader.text.toString()).toBe(expected)
  })
})
