import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseText, clauseTexts } from '../../helpers/declarationText.js'
import { roomOnServer } from '../../helpers/roomOnServer.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { whenSynced } from '../../helpers/syncClients.js'

const DOC = 'almaty-declaration'
const VERSIONS = `/api/declarations/${DOC}/versions`
const room = roomOnServer({ sessions: { moderator: 'chair' }, clients: { editor: 'editor-gbr' }, perTest: true })

const freeze = async (name: string) => ((await api(room.server.url, 'POST', VERSIONS, { token: room.moderator, body: { name } })).body as { version: VersionSummary }).version
const frozenText = async (id: string) => ((await api(room.server.url, 'GET', `${VERSIONS}/${id}`, { token: room.moderator })).body as VersionDetail).serialized

describe('a new round from a version while an editor types', () => {
  it('keeps keystrokes made on the old text that reach the server after the restore', async () => {
    const first = await freeze('Zero draft')
    // After the version, a paragraph is added above one that is then amended: a positional rewrite pairs them wrongly.
    const added = new Y.XmlElement('clause')
    added.setAttribute('id', 'addedafterzerodraft')
    added.setAttribute('kind', (room.editor.text.get(3) as Y.XmlElement).getAttribute('kind')!)
    added.insert(0, [new Y.XmlText('A PARAGRAPH ADDED LATER')])
    room.editor.doc.transact(() => room.editor.text.insert(3, [added]))
    clauseText(room.editor.text, 3).insert(0, 'AMENDED ')
    await savedAcks(room.editor)(1)

    // The barrier: the room.editor's keystrokes are made on the pre-restore text and held back until the restore has answered.
    room.editor.provider.disconnect()
    const changed = clauseText(room.editor.text, 3)
    changed.insert(changed.length, ' LATE-IN-CHANGED')
    clauseText(room.editor.text, 6).insert(0, 'LATE-IN-SAME ')
    expect((await api(room.server.url, 'POST', `${VERSIONS}/${first.id}/restore`, { token: room.moderator })).status).toBe(204)
    room.editor.provider.connect()
    await whenSynced(room.editor)
    await savedAcks(room.editor)(2)

    const next = JSON.parse(await frozenText((await freeze('Rev.1')).id)) as object
    const text = JSON.stringify(next)
    expect(text).toContain('LATE-IN-CHANGED')
    expect(text).toContain('LATE-IN-SAME')
    expect(text).not.toContain('AMENDED')
    expect(text).not.toContain('A PARAGRAPH ADDED LATER')
    expect(clauseTexts(room.editor.text)[2]).toMatch(/ LATE-IN-CHANGED$/)
    expect(clauseTexts(room.editor.text)[5]).toMatch(/^LATE-IN-SAME /)
  })
})
