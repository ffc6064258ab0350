import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../server/src/log.js'
import { startServer } from '../../server/src/startServer.js'
import { startChildServer } from '../helpers/childServer.js'
import { startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.js'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

async function running(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options)
  cleanups.push(() => server.destroy())
  return server
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'base64')
  }
  return files
}

describe('starting the server', () => {
  it('answers /healthz and seeds the demo into an empty folder', async () => {
    const server = await running()
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(await readdir(join(server.dataDir, 'documents'))).toEqual(['almaty-declaration.ylog'])
  })

  it('refuses a second server on the same data folder, touching nothing', async () => {
    const server = await running()
    const before = await snapshot(server.dataDir)
    await expect(startTestServer({ dataDir: server.dataDir })).rejects.toThrow(/Another Kelisim server is already using DATA_DIR/)
    expect(await snapshot(server.dataDir)).toEqual(before)
  })

  it('refuses a folder that holds something else, touching nothing', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    await writeFile(join(dataDir, 'thesis.docx'), 'not ours')
    await expect(startTestServer({ dataDir })).rejects.toThrow(/is not empty and holds no Kelisim data/)
    expect(await readdir(dataDir)).toEqual(['thesis.docx'])
    await writeFile(join(dataDir, 'kelisim.json'), '{"format":"other"}')
    await expect(startTestServer({ dataDir })).rejects.toThrow(/not Kelisim's/)
  })

  it('refuses a data path that is a file', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const file = join(dataDir, 'file')
    await writeFile(file, '')
    await expect(startTestServer({ dataDir: file })).rejects.toThrow(/is a file, not a folder/)
  })

  it('refuses a port in use before writing anything', async () => {
    const server = await running()
    const dataDir = join(await tempDataDir(), 'fresh')
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    await expect(
      startServer({ port: server.port, host: '127.0.0.1', dataDir, demo: true, clientDir: '/nonexistent', extraOrigins: [] }, { log: createLogger(process.stderr, 'silent') }),
    ).rejects.toThrow(`Port ${server.port} on 127.0.0.1 is already in use`)
    await mkdir(dataDir, { recursive: true })
    expect(await readdir(dataDir)).toEqual([])
  })

  it('takes over the lock of a server that was killed', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const killed = await startChildServer(dataDir)
    killed.process.kill('SIGKILL')
    await killed.exited
    const second = await startTestServer({ dataDir })
    await second.close()
  })

  it('is not blocked by a lock file naming a live process: its own pid after a crash, or pid 1 in a container', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    for (const pid of [process.pid, 1]) {
      await writeFile(join(dataDir, 'kelisim.lock'), String(pid))
      const server = await startTestServer({ dataDir })
      await server.close()
    }
  })

  it('refuses a second live server in another process, and lets it in once the first has stopped', async () => {
    const server = await running()
    const second = startChildServer(server.dataDir)
    await expect(second).rejects.toThrow(/Another Kelisim server is already using DATA_DIR/)
    await server.close()
    const third = await startChildServer(server.dataDir)
    third.process.kill('SIGTERM')
    expect(await third.exited).toBe(0)
  })

  it('recognises a folder it created as its own, however empty, on the next start', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const config = { port: 0, host: '127.0.0.1', dataDir, demo: false, clientDir: '/nonexistent', extraOrigins: [] }
    const quiet = { log: createLogger(process.stderr, 'silent') }
    await (await startServer(config, quiet)).close()
    expect(await readdir(dataDir)).toContain('kelisim.json')
    await (await startServer(config, quiet)).close()
  })

  it('accepts a folder that holds only the empty folders an earlier release left without its records file', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    for (const folder of ['audit', 'comments', 'documents', 'signatures']) await mkdir(join(dataDir, folder))
    await (await startTestServer({ dataDir })).close()
  })
})
