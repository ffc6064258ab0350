import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { api } from '../../helpers/api.js'
import { startChildServer } from '../../helpers/childServer.js'
import { ManualClock } from '../../helpers/manualClock.js'
import { startSession } from '../../helpers/sessions.js'
import { auditEntries, base, currentSilence, frozenParagraphs, lockFinalText, silenceBreaker } from '../../helpers/silence.js'
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/testServer.js'

const HOUR = 3_600_000
let dataDir: string
let server: TestServer | null = null

afterEach(async () => {
  await server?.close()
  server = null
  await rm(dataDir, { recursive: true, force: true })
})

/** Reopens the data folder with the clock this many hours on from now, and waits only for the server to start. */
async function restartAt(hoursOn: number): Promise<TestServer> {
  await server?.close()
  server = await startTestServer({ dataDir, clock: new ManualClock(Date.now() + hoursOn * HOUR) })
  return server
}

describe('a deadline that passes while the server is down', () => {
  it('is decided at start, with the list of breaks, recorded once across restarts and a crash before its record', async () => {
    dataDir = await tempDataDir()
    const child = await startChildServer(dataDir)
    const chair = await startSession(child.url, 'chair')
    const version = await lockFinalText(child.url, chair)
    const opened = await api(child.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })
    const silence = opened.body as SilenceView
    const paragraphs = await frozenParagraphs(child.url, chair, version.id)
    const poland = await silenceBreaker(child.url, 'signatory-pol')
    const statement = poland.statement(silence, Date.now(), { paragraphs: [paragraphs[6]!] })
    expect(await poland.post({ statement, signature: await poland.sign(statement) })).toMatchObject({ status: 201 })
    child.process.kill('SIGKILL')
    await child.exited

    // The deadline passed while it was down: started three days and an hour later.
    const restarted = await restartAt(73)
    const token = await startSession(restarted.url, 'chair')
    // Read before anyone asks about the silence: the decision was taken at start.
    expect(await auditEntries(restarted.url, token, 'silence_decided')).toMatchObject([{ actor: null, details: { silence: silence.id, outcome: 'broken', breaks: ['POL'] } }])
    expect(await currentSilence(restarted.url, token)).toMatchObject({ state: 'broken', breaks: [{ delegation: { code: 'POL' }, paragraphs: [paragraphs[6]] }] })

    await restartAt(74)
    expect(await auditEntries(server!.url, await startSession(server!.url, 'chair'), 'silence_decided')).toHaveLength(1)

    // A crash between storing the outcome and recording it leaves the outcome without its audit entry.
    await server!.close()
    server = null
    const auditFile = join(dataDir, 'audit', 'almaty-declaration.jsonl')
    const lines = (await readFile(auditFile, 'utf8')).split('\n').filter(Boolean)
    expect((JSON.parse(lines.at(-1)!) as { action: string }).action).toBe('silence_decided')
    await writeFile(auditFile, `${lines.slice(0, -1).join('\n')}\n`)
    await restartAt(75)
    const again = await startSession(server!.url, 'chair')
    expect(await auditEntries(server!.url, again, 'silence_decided')).toMatchObject([{ details: { silence: silence.id, outcome: 'broken' } }])
    expect(await auditEntries(server!.url, again, 'silence_break')).toHaveLength(1)
    const chain = (await api(server!.url, 'GET', `${base}/audit`, { token: again })).body as { chainBreak: unknown }
    expect(chain.chainBreak).toBeNull()
  })

  it('is decided adopted at start when no one broke silence', async () => {
    dataDir = await tempDataDir()
    const child = await startChildServer(dataDir)
    const chair = await startSession(child.url, 'chair')
    const version = await lockFinalText(child.url, chair)
    expect(await api(child.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })).toMatchObject({ status: 201 })
    child.process.kill('SIGKILL')
    await child.exited

    const early = await restartAt(71)
    expect(await auditEntries(early.url, await startSession(early.url, 'chair'), 'silence_decided')).toEqual([])
    const late = await restartAt(73)
    const token = await startSession(late.url, 'chair')
    expect(await auditEntries(late.url, token, 'silence_decided')).toMatchObject([{ details: { outcome: 'adopted', breaks: [] } }])
    expect(await currentSilence(late.url, token)).toMatchObject({ state: 'adopted', breaks: [] })
  })
})
