import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import type { PublishedKeys } from '../../../shared/signatures/publishedKeys.js'
import { verifyEvidence } from '../../../shared/signatures/verifyEvidence.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { translator } from '../../../server/src/i18n/serverI18n.js'
import { DATA_FILE } from '../../../server/src/store/dataDirectory.js'
import { api } from '../../helpers/api.js'
import { ManualClock } from '../../helpers/manualClock.js'
import { startSession } from '../../helpers/sessions.js'
import { auditEntries, base, currentSilence, DOC, frozenParagraphs, lockFinalText, pushedSilences, silenceBreaker } from '../../helpers/silence.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/testServer.js'

const HOUR = 3_600_000
let server: TestServer | null = null
let watcher: SyncClient | null = null
let dataDir: string | null = null

afterEach(async () => {
  watcher?.destroy()
  watcher = null
  await server?.destroy()
  server = null
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  dataDir = null
})

describe('unlocking the draft while its locked version is under silence', () => {
  it('ends the silence as withdrawn, by the moderator who unlocked, recorded once, pushed, and kept through the deadline', async () => {
    const clock = new ManualClock()
    server = await startTestServer({ clock })
    const url = server.url
    const chair = await startSession(url, 'chair')
    const version = await lockFinalText(url, chair)
    watcher = connectClient(server.wsUrl, DOC, await startSession(url, 'observer-egy'))
    const pushed = pushedSilences(watcher)
    await whenSynced(watcher)
    const silence = (await api(url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })).body as SilenceView
    const paragraphs = await frozenParagraphs(url, chair, version.id)
    const poland = await silenceBreaker(url, 'signatory-pol')
    const statement = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[2]!] })
    expect((await poland.post({ statement, signature: await poland.sign(statement) })).status).toBe(201)

    clock.advance(HOUR)
    const unlocked = await api(url, 'POST', `${base}/versions/unlock`, { token: chair, body: { name: 'Rev.3' } })
    expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(201)
    expect(await currentSilence(url, chair)).toMatchObject({ id: silence.id, state: 'withdrawn', decidedAt: new Date(clock.now()).toISOString(), breaks: [{ delegation: { code: 'POL' } }] })
    await waitFor(() => pushed.some((view) => view.state === 'withdrawn'), 'the withdrawal reaches open pages')
    const decided = await auditEntries(url, chair, 'silence_decided')
    expect(decided).toMatchObject([{ actor: { name: 'Aigerim Seitkali' }, details: { silence: silence.id, outcome: 'withdrawn', breaks: ['POL'] } }])
    // The withdrawal comes after the unlock it follows from.
    const unlockEntry = (await auditEntries(url, chair, 'draft_unlocked'))[0]!
    expect(decided[0]!.seq).toBeGreaterThan(unlockEntry.seq)

    const usa = await silenceBreaker(url, 'signatory-usa')
    const late = usa.statement(silence, clock.now(), { paragraphs: [paragraphs[2]!] })
    expect(await usa.post({ statement: late, signature: await usa.sign(late) })).toMatchObject({ status: 409, body: { error: 'silence_over' } })
    clock.advance(72 * HOUR)
    expect(await currentSilence(url, chair)).toMatchObject({ state: 'withdrawn' })
    expect(await auditEntries(url, chair, 'silence_decided')).toHaveLength(1)

    // The evidence of the version withdrawn says so, and verifies.
    const bundle = (await api(url, 'GET', `${base}/evidence/${version.id}`, { token: chair })).body as EvidenceBundle
    expect(bundle.silence).toMatchObject([{ outcome: { state: 'withdrawn' } }])
    const keys = (await api(url, 'GET', `${base}/signatures/keys`, { token: chair })).body as PublishedKeys
    const checks = await verifyEvidence(bundle, { keys, auditHead: bundle.audit.at(-1)!.hash })
    expect(checks.filter((check) => !check.ok)).toEqual([])
    const { t } = translator('verify', 'en')
    const procedure = checks.find((check) => check.detail.key === 'detail.silenceWithdrawn')
    expect(procedure && t(procedure.detail.key, procedure.detail.values)).toMatch(/^withdrawn on .* before the deadline .* when the draft was unlocked; outcome recorded once/)

    // A new lock can go under silence again.
    const next = await lockFinalText(url, chair)
    expect((await api(url, 'POST', `${base}/silence`, { token: chair, body: { versionId: next.id } })).status).toBe(201)
  })

  it('is found at start when the server stopped between the unlock and the withdrawal', async () => {
    dataDir = await tempDataDir()
    const clock = new ManualClock()
    server = await startTestServer({ dataDir, clock })
    const chair = await startSession(server.url, 'chair')
    const version = await lockFinalText(server.url, chair)
    const silence = (await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })).body as SilenceView
    await server.close()
    // The unlock is stored, the withdrawal not yet.
    const records = JSON.parse(await readFile(join(dataDir, DATA_FILE), 'utf8')) as { declarations: { name: string; lockedVersion?: string | null }[] }
    const declaration = records.declarations.find((candidate) => candidate.name === DOC)!
    expect(declaration.lockedVersion).toBe(version.id)
    declaration.lockedVersion = null
    await writeFile(join(dataDir, DATA_FILE), JSON.stringify(records))
    server = await startTestServer({ dataDir, clock: new ManualClock(clock.now() + HOUR) })
    const again = await startSession(server.url, 'chair')
    expect(await currentSilence(server.url, again)).toMatchObject({ id: silence.id, state: 'withdrawn' })
    expect(await auditEntries(server.url, again, 'silence_decided')).toMatchObject([{ actor: null, details: { outcome: 'withdrawn' } }])
  })
})
