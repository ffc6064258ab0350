import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseText, clauseTexts } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const VERSIONS = `/api/declarations/${DOC}/versions`
let server: TestServer
let moderator: string
let editor: SyncClient

beforeEach(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url, 'chair')
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  await whenSynced(editor)
})
afterEach(async () => {
  editor.destroy()
  await server.destroy()
})

const freeze = async (name: string) => ((await api(server.url, 'POST', VERSIONS, { token: moderator, body: { name } })).body as { version: VersionSummary }).version
const frozenText = async (id: string) => ((await api(server.url, 'GET', `${VERSIONS}/${id}`, { token: moderator })).body as VersionDetail).serialized

describe('a new round from a version while an editor types', () => {
  it('keeps keystrokes made on the old text that reach the server after the restore', async () => {
    const first = await freeze('Zero draft')
    // After the version, a paragraph is added above one that is then amended: a positional rewrite pairs them wrongly.
    const added = new Y.XmlElement('clause')
    added.setAttribute('id', 'addedafterzerodraft')
    added.setAttribute('kind', (editor.text.get(3) as Y.XmlElement).getAttribute('kind')!)
    added.insert(0, [new Y.XmlText('A PARAGRAPH ADDED LATER')])
    editor.doc.transact(() => editor.text.insert(3, [added]))
    clauseText(editor.text, 3).insert(0, 'AMENDED ')
    await savedAcks(editor)(1)

    // The barrier: the editor's keystrokes are made on the pre-restore text and held back until the restore has answered.
    editor.provider.disconnect()
    const changed = clauseText(editor.text, 3)
    changed.insert(changed.length, ' LATE-IN-CHANGED')
    clauseText(editor.text, 6).insert(0, 'LATE-IN-SAME ')
    expect((await api(server.url, 'POST', `${VERSIONS}/${first.id}/restore`, { token: moderator })).status).toBe(204)
    editor.provider.connect()
    await whenSynced(editor)
    await savedAcks(editor)(2)

    const next = JSON.parse(await frozenText((await freeze('Rev.1')).id)) as object
    const text = JSON.stringify(next)
    expect(text).toContain('LATE-IN-CHANGED')
    expect(text).toContain('LATE-IN-SAME')
    expect(text).not.toContain('AMENDED')
    expect(text).not.toContain('A PARAGRAPH ADDED LATER')
    expect(clauseTexts(editor.text)[2]).toMatch(/ LATE-IN-CHANGED$/)
    expect(clauseTexts(editor.text)[5]).toMatch(/^LATE-IN-SAME /)
  })
})
