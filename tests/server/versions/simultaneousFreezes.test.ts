import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { barrier, type Barrier } from '../../helpers/barrier.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const VERSIONS = `/api/declarations/${DOC}/versions`
let server: TestServer
let numbered: Barrier | null = null

beforeAll(async () => {
  server = await startTestServer({ hooks: { afterFreezeNumbered: async () => numbered?.hold() } })
})
afterAll(async () => {
  await server.destroy()
})

describe('two freezes at the same moment', () => {
  it('both succeed, with distinct consecutive numbers, when the second stores its version while the first holds the same number', async () => {
    const chair = await startSession(server.url, 'chair')
    const secretariat = await startSession(server.url, 'secretariat')
    numbered = barrier()
    const first = api(server.url, 'POST', VERSIONS, { token: chair, body: { name: 'Rev.1 (chair)' } })
    await numbered.reached
    // The first holds number 1 without having stored it: the second takes the same number and stores it first.
    const second = await api(server.url, 'POST', VERSIONS, { token: secretariat, body: { name: 'Rev.1 (secretariat)' } })
    numbered.open()
    const answers = [await first, second]
    expect(answers.map((answer) => answer.status), JSON.stringify(answers.map((answer) => answer.body))).toEqual([201, 201])
    const seqs = answers.map((answer) => (answer.body as { version: VersionSummary }).version.seq)
    expect(seqs).toEqual([2, 1])

    const listed = (await api(server.url, 'GET', VERSIONS, { token: chair })).body as VersionSummary[]
    expect(listed.map((version) => [version.seq, version.name])).toEqual([[1, 'Rev.1 (secretariat)'], [2, 'Rev.1 (chair)']])
    // Nothing half-written is left beside the versions.
    expect(await readdir(join(server.dataDir, 'versions', DOC))).toEqual(['000001.json', '000002.json'])
  })
})
