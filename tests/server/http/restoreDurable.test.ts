import type * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeControl } from '../../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseText, clauseTexts, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const VERSIONS = `/api/declarations/${DOC}/versions`
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

describe('a new round from a version', () => {
  it('answers, records and tells editors only once the restored text is on disk', async () => {
    // A commit window longer than the test: only an explicit flush puts the restore on disk in time.
    const server = await startTestServer({ save: { commitDelayMs: 600_000 } })
    cleanups.push(() => server.destroy())
    const moderator = await startSession(server.url, 'chair')
    const editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    cleanups.push(() => editor.destroy())
    await whenSynced(editor)
    const told: ServerControlMessage[] = []
    editor.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
      told.push(decodeControl(decoder as decoding.Decoder, ServerControlMessage))
    }

    // What another editor receives, the server has applied.
    const observer = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-chn'))
    cleanups.push(() => observer.destroy())
    await whenSynced(observer)
    clauseText(editor.text, 1).insert(0, 'ROUND-ONE ')
    await waitFor(() => clauseTexts(observer.text)[1]!.startsWith('ROUND-ONE '), 'the edit reached the server')
    const frozen = (await api(server.url, 'POST', VERSIONS, { token: moderator, body: { name: 'Round one' } })).body as { version: VersionSummary }
    clauseText(editor.text, 1).delete(0, 'ROUND-ONE '.length)
    await waitFor(() => !clauseTexts(observer.text)[1]!.startsWith('ROUND-ONE'), 'the deletion reached the server')

    expect((await api(server.url, 'POST', `${VERSIONS}/${frozen.version.id}/restore`, { token: moderator })).status).toBe(204)
    const onDisk = await readStoredDocument(server.dataDir, DOC)
    expect(clauseTexts(fragmentOf(onDisk))[1]).toMatch(/^ROUND-ONE /)
    const audit = (await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: moderator })).body as { entries: { action: string }[] }
    expect(audit.entries.at(-1)?.action).toBe('version_restored')

    await waitFor(() => told.some((message) => message.type === 'text-replaced'), 'the editor is told the text was replaced')
    expect(told.find((message) => message.type === 'text-replaced')).toMatchObject({ by: { name: expect.any(String) }, version: { id: frozen.version.id, name: 'Round one', seq: 1 } })
  })
})
