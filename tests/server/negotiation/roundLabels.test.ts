import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLabelRecords, ROUND_BASE_KEY, ROUND_LABELS_MAP } from '../../../shared/negotiation/labelRecords.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import type { VersionDetail } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { addClauseAfter, clauseIndexOf, idOfLabel, labelOfId, labelsOf } from '../../helpers/roundLabels.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const VERSIONS = `/api/declarations/${DOC}/versions`
/** The demo text has PP1–PP8 then OP1–OP15: OP7 is clause 14. */
const OP7 = 14

let server: TestServer
let moderator: string
let editor: SyncClient
let watcher: SyncClient

beforeEach(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url)
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  watcher = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-egy'))
  await Promise.all([whenSynced(editor), whenSynced(watcher)])
})
afterEach(async () => {
  editor.destroy()
  watcher.destroy()
  await server.destroy()
})

const freeze = async (name: string) => (await api(server.url, 'POST', VERSIONS, { token: moderator, body: { name } })).body as { version: { id: string } }
const frozenLabels = async (id: string) => {
  const detail = (await api(server.url, 'GET', `${VERSIONS}/${id}`, { token: moderator })).body as VersionDetail
  return (JSON.parse(detail.serialized) as { blocks: { type: string; id: string; label: string }[] }).blocks.filter((block) => block.type === 'clause').map((block) => [block.id, block.label])
}
/** Waits until the server's label for a paragraph has reached the watcher, who never writes. */
const recorded = (id: string) => waitFor(() => readLabelRecords(watcher.doc).has(`operative/${id}`) || readLabelRecords(watcher.doc).has(`preambular/${id}`), `the label of ${id} recorded`)

describe('labels across a round', () => {
  it('numbers plainly before the first frozen version: an insertion renumbers what follows', async () => {
    const op8 = clauseIdAt(editor.text, OP7 + 1)
    addClauseAfter(editor, OP7, 'newbeforefreeze', 'Encourages partnerships;')
    await waitFor(() => clauseIndexOf(watcher, 'newbeforefreeze') >= 0, 'the paragraph reaches the watcher')
    expect(labelOfId(watcher, 'newbeforefreeze')).toBe('OP8')
    expect(labelOfId(watcher, op8)).toBe('OP9')
    expect(readLabelRecords(watcher.doc).size).toBe(0)
  })

  it('after a freeze, gives paragraphs added after OP7 OP7bis and OP7ter, wherever they land, on every copy and in the next version', async () => {
    const op8 = clauseIdAt(editor.text, OP7 + 1)
    await freeze('Zero draft')
    await waitFor(() => readLabelRecords(watcher.doc).size === 23, 'the round begins with the zero draft’s labels')
    addClauseAfter(editor, OP7, 'firstaddition', 'Encourages partnerships;')
    await recorded('firstaddition')
    // Lands between OP7 and OP7bis: still after OP7, so it takes the next free suffix of 7.
    addClauseAfter(editor, OP7, 'secondaddition', 'Invites donors;')
    await recorded('secondaddition')
    for (const client of [editor, watcher]) expect(labelsOf(client).slice(OP7, OP7 + 4)).toEqual(['OP7', 'OP7ter', 'OP7bis', 'OP8'])
    expect(labelOfId(watcher, op8)).toBe('OP8')
    const rev1 = await freeze('Rev.1')
    expect((await frozenLabels(rev1.version.id)).slice(OP7, OP7 + 4)).toEqual([
      [clauseIdAt(editor.text, OP7), 'OP7'],
      ['secondaddition', 'OP7ter'],
      ['firstaddition', 'OP7bis'],
      [op8, 'OP8'],
    ])
  })

  it('numbers a paragraph before the first PP0, keeps a moved paragraph’s label, and never reuses a removed one’s', async () => {
    await freeze('Zero draft')
    await waitFor(() => readLabelRecords(watcher.doc).size === 23, 'the round begins')
    const opening = new Y.XmlElement('clause')
    opening.setAttribute('id', 'openingparagraph')
    opening.setAttribute('kind', 'preambular')
    opening.insert(0, [new Y.XmlText('Bearing in mind the Charter,')])
    editor.doc.transact(() => editor.text.insert(1, [opening]))
    await recorded('openingparagraph')
    expect(labelsOf(watcher).slice(0, 2)).toEqual(['PP0', 'PP1'])

    // Move OP3 to after OP7, in one change, as cutting and pasting it with its id would.
    const op3Index = 8 + 1 + 2
    const op3 = editor.text.get(op3Index + 1) as Y.XmlElement
    const op3Id = op3.getAttribute('id')!
    const moved = op3.clone()
    editor.doc.transact(() => {
      editor.text.delete(op3Index + 1, 1)
      editor.text.insert(OP7 + 2, [moved])
    })
    await waitFor(() => clauseIndexOf(watcher, op3Id) === OP7 + 1, 'the move reaches the watcher')
    expect(labelsOf(watcher).slice(OP7, OP7 + 3)).toEqual(['OP7', 'OP3', 'OP8'])

    // Remove OP5, then add a paragraph after OP4: OP5 stays unused, the new one is OP4bis.
    const op5Index = clauseIndexOf(editor, idOfLabel(watcher, 'OP5')!)
    editor.text.delete(op5Index + 1, 1)
    addClauseAfter(editor, op5Index - 1, 'afterremoval', 'Urges action;')
    await recorded('afterremoval')
    expect(labelsOf(watcher).slice(op5Index - 1, op5Index + 2)).toEqual(['OP4', 'OP4bis', 'OP6'])
  })

  it('gives two paragraphs added at once by two clients after the same paragraph two different labels that every copy agrees on', async () => {
    await freeze('Zero draft')
    await waitFor(() => readLabelRecords(watcher.doc).size === 23, 'the round begins')
    const other = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-chn'))
    try {
      await whenSynced(other)
      // Both offline, so neither sees the other's paragraph before the server numbers both.
      editor.provider.disconnect()
      other.provider.disconnect()
      addClauseAfter(editor, OP7, 'fromlondon', 'Welcomes the report;')
      addClauseAfter(other, OP7, 'frombeijing', 'Notes the progress;')
      editor.provider.connect()
      other.provider.connect()
      await Promise.all([recorded('fromlondon'), recorded('frombeijing')])
      await waitFor(() => [editor, other].every((client) => readLabelRecords(client.doc).size === 25), 'both labels reach both writers')
      const labels = [labelOfId(watcher, 'fromlondon'), labelOfId(watcher, 'frombeijing')]
      expect([...labels].sort()).toEqual(['OP7bis', 'OP7ter'])
      for (const client of [editor, other]) expect([labelOfId(client, 'fromlondon'), labelOfId(client, 'frombeijing')]).toEqual(labels)
    } finally {
      other.destroy()
    }
  })

  it('refuses a client that writes or deletes a label, changing nothing', async () => {
    await freeze('Zero draft')
    await waitFor(() => readLabelRecords(watcher.doc).size === 23, 'the round begins')
    const op1 = clauseIdAt(editor.text, 8)
    for (const tamper of [(map: Y.Map<unknown>) => map.set(`operative/${op1}`, { kind: 'operative', number: 99, suffix: 1 }), (map: Y.Map<unknown>) => map.delete(ROUND_BASE_KEY)]) {
      const forger = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-nga'))
      try {
        await whenSynced(forger)
        const closed = new Promise<number>((resolve) => forger.provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
        tamper(forger.doc.getMap(ROUND_LABELS_MAP))
        expect(await closed).toBe(CloseCode.changeRefused)
      } finally {
        forger.destroy()
      }
      const probe = connectClient(server.wsUrl, DOC, moderator)
      await whenSynced(probe)
      expect(labelOfId(probe, op1)).toBe('OP1')
      probe.destroy()
    }
  })
})
