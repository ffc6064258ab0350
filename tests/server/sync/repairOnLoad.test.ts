import { cp, rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../../../server/src/log.js'
import { LowStore } from '../../../server/src/store/LowStore.js'
import { fragmentOf } from '../../helpers/declarationText.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let dataDir: string
let copyDir: string

/** Writes, straight into the store, what an older server without the check let a tampered editor save. */
async function saveBrokenDeclaration(dir: string): Promise<void> {
  const store = await LowStore.open(dir, createLogger(process.stderr, 'silent'))
  try {
    const doc = new Y.Doc()
    for (const update of await store.documents.load(DOC)) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const root = fragmentOf(doc)
    const clause = root.get(1) as Y.XmlElement
    const stray = new Y.XmlElement('paragraph')
    stray.insert(0, [new Y.XmlText('A free paragraph')])
    const script = new Y.XmlElement('script')
    script.insert(0, [new Y.XmlText('alert(1)')])
    const title = new Y.XmlElement('title')
    title.insert(0, [new Y.XmlText('A second title')])
    root.insert(2, [stray, script, title])
    const twin = new Y.XmlElement('clause')
    twin.setAttribute('id', clause.getAttribute('id')!)
    twin.setAttribute('kind', 'operative')
    twin.insert(0, [new Y.XmlText('Steals the first clause’s threads')])
    root.insert(root.length, [twin])
    ;(clause.get(0) as Y.XmlText).format(0, 4, { strike: {} })
    clause.setAttribute('onclick', 'steal()')
    await store.documents.append(DOC, [Y.encodeStateAsUpdate(doc, before)])
  } finally {
    await store.close()
  }
}

beforeAll(async () => {
  dataDir = await tempDataDir()
  await (await startTestServer({ dataDir })).close()
  await saveBrokenDeclaration(dataDir)
  copyDir = await tempDataDir()
  await cp(dataDir, copyDir, { recursive: true })
})

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
  await rm(copyDir, { recursive: true, force: true })
})

/** Loads the declaration on a fresh server and returns what a client sees, and what was logged. */
async function load(dir: string): Promise<{ text: string; names: string[]; ids: unknown[]; repaired: unknown }> {
  const captured = capturedLogger()
  const server = await startTestServer({ dataDir: dir, log: captured.log })
  const client = connectClient(server.wsUrl, DOC, await startSession(server.url))
  try {
    await whenSynced(client)
    const nodes = client.text.toArray() as Y.XmlElement[]
    return {
      text: client.text.toString(),
      names: nodes.map((node) => node.nodeName),
      ids: nodes.filter((node) => node.nodeName === 'clause').map((node) => node.getAttribute('id')),
      repaired: captured.lines.find((line) => line.event === 'declaration_repaired')?.repaired,
    }
  } finally {
    client.destroy()
    await server.close()
  }
}

describe('a declaration saved with content the schema does not allow', () => {
  it('is repaired as it loads, the same way on every server, with a log line of what was removed', async () => {
    const first = await load(dataDir)
    const second = await load(copyDir)
    expect(first.names.filter((name) => name === 'title')).toHaveLength(1)
    expect(first.names[0]).toBe('title')
    expect(first.names.every((name) => name === 'title' || name === 'clause')).toBe(true)
    expect(new Set(first.ids).size).toBe(first.ids.length)
    expect(first.text).not.toMatch(/strike|onclick|script|A free paragraph|A second title/)
    expect(first.text).toContain('Steals the first clause’s threads')
    expect(first.repaired).toEqual(
      expect.arrayContaining([
        'removed paragraph from doc',
        'removed script from doc',
        'removed a title that was not the first',
        'removed attribute onclick from clause',
        'removed mark strike from clause',
        expect.stringMatching(/^gave a clause with the id ".+" the id "[0-9a-z]{12}"$/),
      ]),
    )
    expect(second.text).toBe(first.text)
    expect(second.repaired).toEqual(first.repaired)
  })

  it('stays repaired: the repair is saved, so the next load finds nothing to repair', async () => {
    const again = await load(dataDir)
    expect(again.repaired).toBeUndefined()
    expect(again.names.filter((name) => name === 'title')).toHaveLength(1)
  })
})
