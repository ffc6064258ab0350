import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clauseText, clauseTexts } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let clients: SyncClient[] = []

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  await server.destroy()
})

async function connectMany(count: number): Promise<SyncClient[]> {
  // Two people share the clients: one person may open only a few sockets.
  const tokens = [await startSession(server.url), await startSession(server.url, 'editor-gbr')]
  clients = Array.from({ length: count }, (_, index) => connectClient(server.wsUrl, DOC, tokens[index % tokens.length]!))
  await Promise.all(clients.map(whenSynced))
  return clients
}

const sameEverywhere = (all: SyncClient[]) => {
  const first = all[0]!.text.toString()
  return all.every((client) => client.text.toString() === first)
}

describe('concurrent editing over real sockets', () => {
  it('two clients typing into the same paragraph at once converge with both edits', async () => {
    const [a, b] = await connectMany(2)
    const original = clauseTexts(a!.text)[0]!
    clauseText(a!.text, 0).insert(0, 'ALPHA ')
    clauseText(b!.text, 0).insert(original.length, ' OMEGA')
    await waitFor(() => sameEverywhere([a!, b!]) && clauseTexts(a!.text)[0]!.includes('OMEGA') && clauseTexts(a!.text)[0]!.includes('ALPHA'), 'both edits everywhere')
    expect(clauseTexts(b!.text)[0]).toBe(`ALPHA ${original} OMEGA`)
  })

  it('ten clients making interleaved edits across paragraphs converge to the same text', async () => {
    const all = await connectMany(10)
    for (let round = 0; round < 5; round += 1) {
      all.forEach((client, index) => {
        const text = clauseText(client.text, (index + round) % 5)
        text.insert(Math.min(text.length, index * 3), `[${index}.${round}]`)
        if (round === 2) text.delete(text.length - 1, 1)
      })
    }
    await waitFor(() => sameEverywhere(all) && all[0]!.text.toString().split('[').length - 1 === 50, 'all 50 inserts everywhere')
    const late = connectClient(server.wsUrl, DOC, await startSession(server.url))
    clients.push(late)
    await whenSynced(late)
    expect(late.text.toString()).toBe(all[0]!.text.toString())
  })

  it('a client that was offline merges its edits on reconnect, and gets what it missed', async () => {
    const [online, offline] = await connectMany(2)
    offline!.provider.disconnect()
    clauseText(offline!.text, 1).insert(0, 'OFFLINE-EDIT ')
    clauseText(online!.text, 2).insert(0, 'ONLINE-EDIT ')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(online!.text.toString()).not.toContain('OFFLINE-EDIT')
    offline!.provider.connect()
    await waitFor(() => sameEverywhere([online!, offline!]) && online!.text.toString().includes('OFFLINE-EDIT'), 'merge after reconnect')
    expect(offline!.text.toString()).toContain('ONLINE-EDIT')
  })
})
