import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../shared/versions/versionSchemas.js'
import { api } from '../helpers/api.js'
import { barrier } from '../helpers/barrier.js'
import { startSession } from '../helpers/sessions.js'
import { startTestServer } from '../helpers/testServer.js'

const VERSIONS = '/api/declarations/almaty-declaration/versions'

describe('shutting down while a request is being answered', () => {
  it('lets a freeze under way store its version and answer before the stores close', async () => {
    const freezeRead = barrier()
    const server = await startTestServer({ hooks: { afterFreezeRead: () => freezeRead.hold() } })
    const chair = await startSession(server.url, 'chair')
    const freezing = api(server.url, 'POST', VERSIONS, { token: chair, body: { name: 'Rev.1' } })
    await freezeRead.reached

    // The shutdown starts while the freeze is held between its two reads, and the freeze goes on only then.
    const closing = server.close()
    freezeRead.open()
    expect((await freezing).status).toBe(201)
    await closing

    const reopened = await startTestServer({ dataDir: server.dataDir })
    const versions = (await api(reopened.url, 'GET', VERSIONS, { token: await startSession(reopened.url, 'chair') })).body as VersionSummary[]
    expect(versions.map((version) => version.name)).toContain('Rev.1')
    await reopened.destroy()
  })
})
