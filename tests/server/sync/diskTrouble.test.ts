import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeControl, encodeControl } from '../../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import { StartupError } from '../../../server/src/store/dataDirectory.js'
import { decodeLog } from '../../../server/src/store/updateLogFormat.js'
import { api } from '../../helpers/api.js'
import { clauseText } from '../../helpers/declarationText.js'
import { startSession } from '../../helpers/sessions.js'
import { mountSmallDisk, type SmallDisk } from '../../helpers/smallDisk.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'

const disks: SmallDisk[] = []

/** A small disk of its own for one test, or null (and a note) where this process may not mount one. */
async function smallDisk(sizeMiB: number): Promise<SmallDisk | null> {
  const disk = await mountSmallDisk(sizeMiB)
  if (disk) disks.push(disk)
  else console.warn('Skipping a disk trouble test: mounting a small filesystem needs root.')
  return disk
}

afterEach(async () => {
  for (const disk of disks.splice(0)) await disk.unmount()
})

/** Every control message the server sends a client, and a way to ask it to confirm saving. */
function controlMessages(client: SyncClient) {
  const received: ServerControlMessage[] = []
  client.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
    received.push(decodeControl(decoder as decoding.Decoder, ServerControlMessage))
  }
  return {
    received,
    flush: (seq: number) => client.provider.ws?.send(encodeControl({ v: 1, type: 'flush', seq })),
    has: (type: string, seq?: number) => received.some((message) => message.type === type && (seq === undefined || ('seq' in message && message.seq === seq))),
  }
}

describe('disk trouble', () => {
  it('tells clients saving fails while the disk is full, damages nothing, and saves once space returns', async (context) => {
    const disk = await smallDisk(16)
    if (!disk) return context.skip()
    const dataDir = join(disk.path, 'data')
    let server: TestServer = await startTestServer({ dataDir, save: { retryDelayMs: 200 } })
    const token = await startSession(server.url, 'chair')
    const writer = connectClient(server.wsUrl, DOC, token)
    await whenSynced(writer)
    const control = controlMessages(writer)

    clauseText(writer.text, 0).insert(0, 'BEFORE-FULL ')
    control.flush(1)
    await waitFor(() => control.has('saved', 1), 'saved while there is space')
    const logPath = join(dataDir, 'documents', `${DOC}.ylog`)
    const before = await readFile(logPath)

    await disk.fill()
    // More than the free room left in the log's last page, which a full tmpfs still lets a file use.
    for (let n = 0; n < 20; n += 1) clauseText(writer.text, 0).insert(0, `WHILE-FULL-${n} ${'·'.repeat(1000)} `)
    control.flush(2)
    await waitFor(() => control.has('save-failed'), 'the writer is told saving fails')
    expect(control.has('saved', 2)).toBe(false)
    // What was on disk is still whole: the same bytes, at least, and every record readable.
    const during = await readFile(logPath)
    expect(during.subarray(0, before.byteLength).equals(before)).toBe(true)
    expect(decodeLog(during).validBytes).toBe(during.byteLength)
    // A request that must write is answered plainly, and changes nothing.
    const refused = await api(server.url, 'POST', '/api/delegations', { token, body: { code: 'ISL', name: 'Iceland', color: '#225588' } })
    expect(refused).toMatchObject({ status: 503, body: { error: 'storage_unavailable', message: expect.stringMatching(/cannot write/) } })

    await disk.free()
    await waitFor(() => control.has('saved', 2), 'saving resumes once space returns', 10_000)
    expect((await api(server.url, 'GET', '/api/delegations', { token })).body).not.toContainEqual(expect.objectContaining({ code: 'ISL' }))
    const expected = writer.text.toString()
    writer.destroy()
    await server.close()

    expect((await readdir(join(dataDir, 'documents'))).filter((name) => name.includes('damaged'))).toEqual([])
    server = await startTestServer({ dataDir })
    const reader = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    await whenSynced(reader)
    expect(reader.text.toString()).toBe(expected)
    expect(expected).toContain('WHILE-FULL-19')
    reader.destroy()
    await server.close()
  })

  it('refuses to start on a read-only data folder, with one clear sentence', async (context) => {
    const disk = await smallDisk(1)
    if (!disk) return context.skip()
    await disk.remount('ro')
    const failure = await startTestServer({ dataDir: disk.path }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StartupError)
    expect(String(failure)).toMatch(/not writable/)
  })
})
