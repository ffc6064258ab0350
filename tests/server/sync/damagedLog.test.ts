import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { createLogger } from '../../../server/src/log.js'
import { LOG_MAGIC } from '../../../server/src/store/updateLogFormat.js'
import { UpdateLogStore } from '../../../server/src/store/UpdateLogStore.js'
import { api } from '../../helpers/api.js'
import { startServerWithTwoDeclarations } from '../../helpers/extraDeclaration.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const OTHER = 'second-declaration'
let server: TestServer | undefined
afterAll(() => server?.destroy())

/** Appends two more records to a stopped server's log and damages the length of the first record after the seed. */
async function damageLog(dataDir: string): Promise<{ path: string; offset: number; bytes: Buffer }> {
  const documents = new UpdateLogStore(join(dataDir, 'documents'), createLogger(process.stderr, 'silent'))
  const [seed] = await documents.load(DOC)
  const emptyUpdate = Y.encodeStateAsUpdate(new Y.Doc())
  await documents.append(DOC, [emptyUpdate, emptyUpdate])
  await documents.close()
  const path = join(dataDir, 'documents', `${DOC}.ylog`)
  const bytes = await readFile(path)
  const offset = LOG_MAGIC.byteLength + 12 + seed!.byteLength
  bytes.writeUInt32LE(bytes.readUInt32LE(offset) + 0x1000_0000, offset)
  await writeFile(path, bytes)
  return { path, offset, bytes }
}

describe('a declaration whose log is damaged in the middle', () => {
  it('does not load, says so on the socket and the API, logs the file and offset, and leaves the file and the other declaration alone', async () => {
    const seeded = await startServerWithTwoDeclarations(OTHER)
    await seeded.close()
    const { path, offset, bytes } = await damageLog(seeded.dataDir)
    const { log, lines } = capturedLogger()
    server = await startTestServer({ dataDir: seeded.dataDir, log })
    const token = await startSession(server.url, 'chair')

    await expect(openRawSync(server.wsUrl, DOC, token)).rejects.toThrow(`closed before the greeting: ${CloseCode.documentDamaged} This declaration's stored text is damaged`)
    expect(lines.find((line) => line.event === 'update_log_damaged')).toMatchObject({ document: DOC, file: path, offset })
    const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token, body: { name: 'Draft 2', note: '', acceptInvisibleCharacters: false } })
    expect(frozen).toMatchObject({ status: 500, body: { error: 'document_damaged' } })

    const other = await openRawSync(server.wsUrl, OTHER, token)
    expect(await other.probe()).toBe(true)
    other.ws.close()
    expect(await readFile(path)).toEqual(bytes)
  })
})
