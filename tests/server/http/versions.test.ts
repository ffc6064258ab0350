import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { decodeControl } from '../../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import { findChainBreak } from '../../../shared/versions/auditChain.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { Redline } from '../../../shared/versions/redline.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseText, clauseTexts } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const VERSIONS = `/api/declarations/${DOC}/versions`
let server: TestServer
let moderator: string
let editor: SyncClient
let saved: (seq: number) => Promise<void>
let seq = 0

beforeEach(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url, 'chair')
  editor = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  await whenSynced(editor)
  saved = savedAcks(editor)
})
afterEach(async () => {
  editor.destroy()
  await server.destroy()
})

async function edit(change: () => void): Promise<void> {
  change()
  await saved((seq += 1))
}

const freeze = async (name: string, extra: object = {}) => api(server.url, 'POST', VERSIONS, { token: moderator, body: { name, ...extra } })

describe('freezing versions', () => {
  it('captures the canonical text and its SHA-256; the same text through another edit history hashes the same', async () => {
    const first = await freeze('Zero draft')
    expect(first.status).toBe(201)
    const zero = (first.body as { version: VersionSummary }).version
    const detail = (await api(server.url, 'GET', `${VERSIONS}/${zero.id}`, { token: moderator })).body as VersionDetail
    expect(await sha256Hex(detail.serialized)).toBe(zero.sha256)
    expect(JSON.parse(detail.serialized)).toMatchObject({ format: 'kelisim-text/2', title: 'Almaty Declaration on Inclusive Education' })

    await edit(() => clauseText(editor.text, 2).insert(5, 'TEMPORARY '))
    await edit(() => clauseText(editor.text, 2).delete(5, 'TEMPORARY '.length))
    const again = (await freeze('Rev.1')).body as { version: VersionSummary }
    expect(again.version.sha256).toBe(zero.sha256)
    expect(again.version.seq).toBe(2)
  })

  it('is for moderators only', async () => {
    for (const login of ['editor-gbr', 'signatory-pol', 'observer-idn']) {
      const answer = await api(server.url, 'POST', VERSIONS, { token: await startSession(server.url, login), body: { name: 'Mine' } })
      expect(answer.status).toBe(403)
    }
    expect((await api(server.url, 'GET', VERSIONS, { token: await startSession(server.url, 'observer-idn') })).status).toBe(200)
  })

  it('flags invisible bidirectional and zero-width characters, and freezes only once the moderator accepts them', async () => {
    await edit(() => clauseText(editor.text, 0).insert(3, '\u202e\u200b'))
    const refused = await freeze('Rev.1')
    expect(refused).toMatchObject({ status: 409, body: { error: 'invisible_characters', message: expect.stringMatching(/U\+202E in PP1.*U\+200B in PP1/) } })
    expect((await api(server.url, 'GET', VERSIONS, { token: moderator })).body).toEqual([])
    const accepted = await freeze('Rev.1', { acceptInvisibleCharacters: true })
    expect(accepted).toMatchObject({ status: 201, body: { invisibleCharacters: [{ where: 'PP1', codePoint: 'U+202E', offset: 3 }, { where: 'PP1', codePoint: 'U+200B', offset: 4 }] } })
  })
})

describe('immutability', () => {
  it('offers no route that changes or deletes a version', async () => {
    const { version } = (await freeze('Zero draft')).body as { version: VersionSummary }
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await api(server.url, method, `${VERSIONS}/${version.id}`, { token: moderator, body: { name: 'Changed' } })).status).toBe(404)
    }
    expect(((await api(server.url, 'GET', `${VERSIONS}/${version.id}`, { token: moderator })).body as VersionDetail).name).toBe('Zero draft')
  })

  it('detects a byte flipped in storage and refuses to serve that version', async () => {
    const { version } = (await freeze('Zero draft')).body as { version: VersionSummary }
    const folder = join(server.dataDir, 'versions', DOC)
    const [file] = await readdir(folder)
    const path = join(folder, file!)
    const stored = await readFile(path, 'utf8')
    await writeFile(path, stored.replace('Recalling the right', 'Recalling the Right'))
    const answer = await api(server.url, 'GET', `${VERSIONS}/${version.id}`, { token: moderator })
    expect(answer).toMatchObject({ status: 500, body: { error: 'version_corrupt', message: expect.stringContaining('Zero draft') } })
    expect((await api(server.url, 'GET', VERSIONS, { token: moderator })).body).toMatchObject([{ id: version.id, intact: false }])
  })
})

describe('locking for signature', () => {
  it('refuses every text change over the websocket, tells everyone, and unlocks only with a new version', async () => {
    const { version } = (await freeze('Final text')).body as { version: VersionSummary }
    const locks: unknown[] = []
    editor.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => locks.push(decodeControl(decoder, ServerControlMessage))
    expect(await api(server.url, 'POST', `${VERSIONS}/${version.id}/lock`, { token: moderator })).toMatchObject({ status: 200, body: { locked: true } })
    await waitFor(() => locks.some((message) => (message as { type: string; locked?: boolean }).type === 'lock'), 'the lock reaches the editor')

    const document = await server.hub.acquire(DOC)
    const before = Y.encodeStateVector(document.doc)
    // A refused change is a "resync" close, not a final one; a Kelisim page drops the change, this stock client stops.
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      editor.provider.on('connection-close', (event) => {
        queueMicrotask(() => editor.provider.disconnect())
        if (event) resolve(event)
      }),
    )
    clauseText(editor.text, 1).insert(0, 'LATE CHANGE ')
    expect(await closed).toMatchObject({ code: CloseCode.changeRefused, reason: expect.stringContaining('locked for signature') })
    expect(Y.encodeStateVector(document.doc)).toEqual(before)
    expect((await freeze('Sneaky')).status).toBe(409)

    const unlocked = await api(server.url, 'POST', `${VERSIONS}/unlock`, { token: moderator, body: { name: 'Rev.2' } })
    expect(unlocked).toMatchObject({ status: 201, body: { seq: 2, locked: false } })
    const again = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    await whenSynced(again)
    clauseText(again.text, 1).insert(0, 'ACCEPTED ')
    await savedAcks(again)(1)
    expect(clauseTexts((await server.hub.acquire(DOC)).doc.getXmlFragment('default'))[1]).toMatch(/^ACCEPTED /)
    again.destroy()

    const audit = (await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: moderator })).body as { entries: { action: string; hash: string; previousHash: string; seq: number; at: string; actor: unknown; details: unknown }[]; head: string; chainBreak: unknown }
    expect(audit.entries.map((entry) => entry.action)).toEqual(['version_frozen', 'draft_locked', 'version_frozen', 'draft_unlocked'])
    expect(audit.chainBreak).toBeNull()
    expect(audit.head).toBe(audit.entries.at(-1)!.hash)
    const tampered = audit.entries.map((entry, index) => (index === 1 ? { ...entry, details: { version: 'another' } } : entry))
    expect(await findChainBreak(tampered)).toMatchObject({ seq: 2 })
    expect((await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: await startSession(server.url, 'editor-gbr') })).status).toBe(403)
  })

  it('locks only the latest version, and only while the draft still equals it', async () => {
    const { version } = (await freeze('Rev.1')).body as { version: VersionSummary }
    await edit(() => clauseText(editor.text, 0).insert(0, 'Changed '))
    expect(await api(server.url, 'POST', `${VERSIONS}/${version.id}/lock`, { token: moderator })).toMatchObject({ status: 409, body: { error: 'draft_changed' } })
    await freeze('Rev.2')
    expect(await api(server.url, 'POST', `${VERSIONS}/${version.id}/lock`, { token: moderator })).toMatchObject({ status: 409, body: { error: 'not_latest' } })
  })
})

describe('redlines and new rounds', () => {
  it('compares a version with the live draft, and starts a new round from an older version', async () => {
    const { version } = (await freeze('Zero draft')).body as { version: VersionSummary }
    const original = clauseTexts(editor.text)[9]!
    await edit(() => clauseText(editor.text, 9).insert(0, 'Firmly '))
    const result = (await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${version.id}&to=live`, { token: await startSession(server.url, 'observer-idn') })).body as Redline
    expect(result.summary).toBe('OP2 changed.')
    expect(result.paragraphs.find((paragraph) => paragraph.newLabel === 'OP2')!.parts[0]).toEqual({ kind: 'inserted', text: 'Firmly ' })

    expect((await api(server.url, 'POST', `${VERSIONS}/${version.id}/restore`, { token: moderator })).status).toBe(204)
    await waitFor(() => clauseTexts(editor.text)[9] === original, 'the restored text reaches the editor')
    expect((await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${version.id}&to=live`, { token: moderator })).body).toMatchObject({ summary: 'No changes.' })
  })
})
