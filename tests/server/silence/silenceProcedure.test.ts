import { afterEach, describe, expect, it } from 'vitest'
import { SIGNATURE_PURPOSE } from '../../../shared/signatures/signatureStatement.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { api } from '../../helpers/api.js'
import { barrier } from '../../helpers/barrier.js'
import { ManualClock } from '../../helpers/manualClock.js'
import { startSession } from '../../helpers/sessions.js'
import { auditEntries, base, currentSilence, DOC, frozenParagraphs, lockFinalText, pushedSilences, silenceBreaker } from '../../helpers/silence.js'
import { sign as signSignature, statementFor } from '../../helpers/signing.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'
import type { ServerHooks } from '../../../server/src/serverHooks.js'

const HOUR = 3_600_000
let server: TestServer
let watcher: SyncClient | null = null

afterEach(async () => {
  watcher?.destroy()
  watcher = null
  await server.destroy()
})

/** A server on a clock the test drives, the final text locked, and an observer's page listening for pushes. */
async function underSilence(hooks: ServerHooks = {}) {
  const clock = new ManualClock()
  server = await startTestServer({ clock, hooks })
  const chair = await startSession(server.url, 'chair')
  const version = await lockFinalText(server.url, chair)
  watcher = connectClient(server.wsUrl, DOC, await startSession(server.url, 'observer-egy'))
  const pushed = pushedSilences(watcher)
  await whenSynced(watcher)
  const opened = await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })
  expect(opened.status, JSON.stringify(opened.body)).toBe(201)
  const silence = opened.body as SilenceView
  const paragraphs = await frozenParagraphs(server.url, chair, version.id)
  return { clock, chair, version, silence, pushed, paragraphs }
}

describe('the silence procedure', () => {
  it('opens on the locked version for 72 hours by default, audited and pushed; only on a locked version and only once', async () => {
    const { clock, chair, version, silence, pushed } = await underSilence()
    expect(silence).toMatchObject({ version: { id: version.id, sha256: version.sha256 }, state: 'running', timeZone: 'UTC', breaks: [] })
    expect(Date.parse(silence.deadline)).toBe(clock.now() + 72 * HOUR)
    await waitFor(() => pushed.length === 1, 'the opening reaches open pages')
    expect(pushed[0]).toEqual(silence)
    expect(await auditEntries(server.url, chair, 'silence_opened')).toMatchObject([{ actor: { name: 'Aigerim Seitkali' }, details: { silence: silence.id, version: version.id, sha256: version.sha256, deadline: silence.deadline } }])
    expect(await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })).toMatchObject({ status: 409, body: { error: 'silence_running' } })
  })

  it('takes the deadline as a date and time in a named time zone', async () => {
    const clock = new ManualClock(Date.parse('2026-12-02T00:00:00Z'))
    server = await startTestServer({ clock })
    const chair = await startSession(server.url, 'chair')
    const version = await lockFinalText(server.url, chair)
    const open = (deadline: unknown) => api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id, deadline } })
    expect(await open({ date: '2026-12-01', time: '18:00', timeZone: 'Asia/Almaty' })).toMatchObject({ status: 400, body: { error: 'deadline_passed' } })
    expect(await open({ date: '2026-12-05', time: '18:00', timeZone: 'Mars/Olympus' })).toMatchObject({ status: 400, body: { error: 'invalid_body' } })
    expect(await open({ date: '2026-02-30', time: '18:00', timeZone: 'UTC' })).toMatchObject({ status: 400, body: { error: 'invalid_deadline' } })
    const opened = await open({ date: '2026-12-05', time: '18:00', timeZone: 'Asia/Almaty' })
    expect(opened).toMatchObject({ status: 201, body: { timeZone: 'Asia/Almaty' } })
    // Almaty is five hours ahead of UTC.
    expect((opened.body as SilenceView).deadline).toBe('2026-12-05T13:00:00.000Z')
  })

  it('refuses to open on a draft that is not locked', async () => {
    server = await startTestServer({ clock: new ManualClock() })
    const chair = await startSession(server.url, 'chair')
    const frozen = await api(server.url, 'POST', `${base}/versions`, { token: chair, body: { name: 'Rev.1' } })
    const versionId = (frozen.body as { version: { id: string } }).version.id
    expect(await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId } })).toMatchObject({ status: 409, body: { error: 'not_locked' } })
    expect(await currentSilence(server.url, chair)).toBeNull()
    expect(await auditEntries(server.url, chair, 'silence_opened')).toEqual([])
  })

  it('refuses a break with a bad signature, or one made for a signature, and changes nothing', async () => {
    const { clock, chair, version, silence, pushed, paragraphs } = await underSilence()
    const poland = await silenceBreaker(server.url, 'signatory-pol')
    const good = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[2]!] })
    const signature = await poland.sign(good)
    const signatureStatement = statementFor({ declaration: DOC, versionId: version.id, versionSha256: version.sha256, keyId: poland.key.keyId, signer: good.signer, delegation: good.delegation }, { signedAt: good.brokenAt })
    const cases: [string, unknown, number, string][] = [
      ['a changed statement', { statement: { ...good, statement: 'We accept everything.' }, signature }, 400, 'bad_signature'],
      ['other paragraphs', { statement: { ...good, paragraphs: [paragraphs[3]!] }, signature }, 400, 'bad_signature'],
      ['a mangled signature', { statement: good, signature: `${'A'.repeat(86)}==` }, 400, 'bad_signature'],
      ['a signature of the text passed off as a break', { statement: signatureStatement, signature: await signSignature(poland.key.pair.privateKey, signatureStatement) }, 400, 'invalid_body'],
      ['a break relabelled as a signature', { statement: { ...good, purpose: SIGNATURE_PURPOSE }, signature }, 400, 'invalid_body'],
      ['a paragraph with a wrong label', { statement: { ...good, paragraphs: [{ ...paragraphs[2]!, label: 'OP99' }] }, signature }, 400, 'unknown_paragraph'],
      ['another silence', { statement: { ...good, silenceId: 'another' }, signature }, 404, 'unknown_silence'],
      ['another delegation', { statement: { ...good, delegation: { code: 'KAZ', name: 'Kazakhstan' } }, signature }, 400, 'wrong_delegation'],
    ]
    for (const [name, body, status, code] of cases) expect(await poland.post(body), name).toMatchObject({ status, body: { error: code } })
    // Nor does a break's signature pass for a signature of the text.
    const asSignature = await api(server.url, 'POST', `${base}/signatures`, { token: poland.token, body: { statement: { ...signatureStatement }, signature } })
    expect(asSignature).toMatchObject({ status: 400, body: { error: 'bad_signature' } })

    expect((await currentSilence(server.url, chair))?.breaks).toEqual([])
    expect(await auditEntries(server.url, chair, 'silence_break')).toEqual([])
    expect(pushed).toHaveLength(1)
  })

  it('stores, audits and pushes a valid break at once; one per delegation', async () => {
    const { clock, chair, silence, pushed, paragraphs } = await underSilence()
    const poland = await silenceBreaker(server.url, 'signatory-pol')
    const statement = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[1]!, paragraphs[9]!], statement: 'Польша не может принять эти пункты.' })
    expect(await poland.post({ statement, signature: await poland.sign(statement) })).toMatchObject({ status: 201, body: { state: 'running', breaks: [{ delegation: { code: 'POL' }, paragraphs: [paragraphs[1], paragraphs[9]] }] } })
    await waitFor(() => pushed.length === 2, 'the break reaches open pages')
    expect(pushed[1]?.breaks).toMatchObject([{ signer: 'Katarzyna Nowak', statement: 'Польша не может принять эти пункты.' }])
    expect(await auditEntries(server.url, chair, 'silence_break')).toMatchObject([{ details: { silence: silence.id, delegation: 'POL', paragraphs: [paragraphs[1]!.label, paragraphs[9]!.label], signature: await poland.sign(statement) } }])
    expect(await auditEntries(server.url, chair, 'silence_opened')).toHaveLength(1)
    const again = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[0]!] })
    expect(await poland.post({ statement: again, signature: await poland.sign(again) })).toMatchObject({ status: 409, body: { error: 'already_broken' } })
  })

  it('at the deadline, by its own clock, marks the version silence broken with the list, and refuses a break after it', async () => {
    const { clock, chair, silence, pushed, paragraphs } = await underSilence()
    const poland = await silenceBreaker(server.url, 'signatory-pol')
    const usa = await silenceBreaker(server.url, 'signatory-usa')
    const statement = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[4]!] })
    await poland.post({ statement, signature: await poland.sign(statement) })

    clock.advance(72 * HOUR)
    await waitFor(() => pushed.some((view) => view.state === 'broken'), 'the outcome reaches open pages without anyone asking')
    const late = usa.statement(silence, clock.now(), { paragraphs: [paragraphs[4]!] })
    expect(await usa.post({ statement: late, signature: await usa.sign(late) })).toMatchObject({ status: 409, body: { error: 'silence_over' } })
    expect(await currentSilence(server.url, chair)).toMatchObject({ state: 'broken', breaks: [{ delegation: { code: 'POL' } }] })
    expect(await auditEntries(server.url, chair, 'silence_decided')).toMatchObject([{ actor: null, details: { silence: silence.id, outcome: 'broken', breaks: ['POL'] } }])
  })

  it('a break a moment before the deadline counts; a moment after it is refused', async () => {
    const { clock, chair, silence, paragraphs } = await underSilence()
    const poland = await silenceBreaker(server.url, 'signatory-pol')
    clock.advance(72 * HOUR - 1)
    const statement = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[0]!] })
    expect(await poland.post({ statement, signature: await poland.sign(statement) })).toMatchObject({ status: 201 })
    const usa = await silenceBreaker(server.url, 'signatory-usa')
    clock.advance(1)
    const late = usa.statement(silence, clock.now(), { paragraphs: [paragraphs[0]!] })
    expect(await usa.post({ statement: late, signature: await usa.sign(late) })).toMatchObject({ status: 409, body: { error: 'silence_over' } })
    expect(await currentSilence(server.url, chair)).toMatchObject({ state: 'broken', breaks: [{ delegation: { code: 'POL' } }] })
  })

  it('records the decision once when the timer and a request meet at the deadline', async () => {
    const held = barrier()
    const { clock, chair, silence, pushed } = await underSilence({ beforeSilenceDecision: () => held.hold() })
    // The deadline passes while the timer has not fired yet; a page asking then starts the decision and is held.
    clock.lag(72 * HOUR)
    const asked = currentSilence(server.url, chair)
    await held.reached
    clock.fireDue()
    await waitFor(() => pushed.some((view) => view.state === 'adopted'), 'the timer decides and pushes the outcome')
    held.open()
    expect(await asked).toMatchObject({ id: silence.id, state: 'adopted' })
    expect(await auditEntries(server.url, chair, 'silence_decided')).toMatchObject([{ details: { silence: silence.id, outcome: 'adopted', breaks: [] } }])
    expect(await auditEntries(server.url, chair, 'silence_opened')).toHaveLength(1)
    expect(pushed.filter((view) => view.state === 'adopted')).toHaveLength(1)
  })
})
