import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import type { PublishedKeys } from '../../../shared/signatures/publishedKeys.js'
import type { SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { verifyEvidence } from '../../../shared/signatures/verifyEvidence.js'
import { translator } from '../../../server/src/i18n/serverI18n.js'
import { api } from '../../helpers/api.js'
import { ManualClock } from '../../helpers/manualClock.js'
import { startSession } from '../../helpers/sessions.js'
import { base, currentSilence, frozenParagraphs, lockFinalText, silenceBreaker } from '../../helpers/silence.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const cli = fileURLToPath(new URL('../../../server/src/verify/verifyMain.ts', import.meta.url))
let server: TestServer
let bundle: EvidenceBundle
let keys: PublishedKeys
let head: string

beforeAll(async () => {
  const clock = new ManualClock()
  server = await startTestServer({ clock })
  const chair = await startSession(server.url, 'chair')
  const version = await lockFinalText(server.url, chair)
  const silence = (await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id } })).body as SilenceView
  const paragraphs = await frozenParagraphs(server.url, chair, version.id)
  const poland = await silenceBreaker(server.url, 'signatory-pol')
  const statement = poland.statement(silence, clock.now(), { paragraphs: [paragraphs[2]!, paragraphs[11]!], statement: 'Poland cannot accept these paragraphs without its parliament.' })
  await poland.post({ statement, signature: await poland.sign(statement) })
  clock.advance(72 * 3_600_000)
  expect(await currentSilence(server.url, chair)).toMatchObject({ state: 'broken' })
  bundle = (await api(server.url, 'GET', `${base}/evidence/${version.id}`, { token: chair })).body as EvidenceBundle
  keys = (await api(server.url, 'GET', `${base}/signatures/keys`, { token: chair })).body as PublishedKeys
  head = bundle.audit.at(-1)!.hash
})
afterAll(() => server.destroy())

const { t } = translator('verify', 'en')
/** The checks of a bundle with their item and detail in English words. */
const checksOf = async (changed: EvidenceBundle) => (await verifyEvidence(changed, { keys, auditHead: head })).map((check) => ({ ...check, item: t(check.item.key, check.item.values), detail: t(check.detail.key, check.detail.values) }))
const failures = async (changed: EvidenceBundle) => (await checksOf(changed)).filter((check) => !check.ok)

describe('the evidence bundle of a version under silence', () => {
  it('carries the silence, its signed break and its outcome, and npm run verify finds it VALID', async () => {
    expect(bundle.silence).toMatchObject([{ outcome: { state: 'broken' }, breaks: [{ statement: { delegation: { code: 'POL' } } }] }])
    const checks = await checksOf(bundle)
    expect(checks.filter((check) => !check.ok)).toEqual([])
    expect(checks.map((check) => check.item)).toEqual(expect.arrayContaining(['break of silence by Poland (Katarzyna Nowak)', 'silence procedure on "Final text"']))
    expect(checks.find((check) => check.item === 'silence procedure on "Final text"')?.detail).toMatch(/silence broken before the deadline .* by Poland \(PP3, OP\d+\); outcome recorded once/)

    const folder = await mkdtemp(join(tmpdir(), 'kelisim-silence-verify-'))
    try {
      await writeFile(join(folder, 'bundle.json'), JSON.stringify(bundle))
      await writeFile(join(folder, 'keys.json'), JSON.stringify(keys))
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, join(folder, 'bundle.json'), '--keys', join(folder, 'keys.json'), '--audit-head', head])
      expect(stdout).toMatch(/^OK {3}break of silence by Poland/m)
      expect(stdout).toMatch(/^VALID: all 5 checks passed/m)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('fails when a break is changed, left out, or the outcome is changed', async () => {
    const silence = bundle.silence![0]!
    const changedStatement = structuredClone(bundle)
    changedStatement.silence![0]!.breaks[0]!.statement.statement = 'Poland accepts everything.'
    expect(await failures(changedStatement)).toMatchObject([{ item: 'break of silence by Poland (Katarzyna Nowak)', detail: 'the Ed25519 signature does not match the statement' }])

    const leftOut = structuredClone(bundle)
    leftOut.silence![0]!.breaks = []
    expect((await failures(leftOut)).map((check) => check.detail)).toEqual([expect.stringMatching(/records 1 break missing from this bundle: POL/)])

    const adopted = structuredClone(bundle)
    adopted.silence![0] = { ...silence, outcome: { ...silence.outcome!, state: 'adopted' } }
    expect((await failures(adopted)).map((check) => check.detail)).toEqual([expect.stringMatching(/marked adopted, but 1 delegation broke silence/)])

    const withoutSilence = structuredClone(bundle)
    delete withoutSilence.silence
    expect((await failures(withoutSilence)).map((check) => check.detail)).toEqual([expect.stringMatching(/records 1 silence procedure missing from this bundle/)])
  })
})
