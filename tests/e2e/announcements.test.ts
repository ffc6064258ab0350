import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { spanAt } from '../helpers/amendments.js'
import { api } from '../helpers/api.js'
import { proposeOverApi } from '../helpers/apiProposals.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { recordAnnouncements } from '../helpers/liveRegions.js'
import { caretAtEnd, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { registeredKey, sign, statementFor } from '../helpers/signing.js'
import { DOC, lockFinalText } from '../helpers/silence.js'
import { commentOnParagraph } from '../helpers/threads.js'

const suite = browserSuite()

async function openAs(name: string): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page)
  return page
}

/** Types into a paragraph key by key, and waits until the reader's page shows the words. */
async function typeInto(writer: Page, reader: Page, label: string, words: string): Promise<void> {
  await caretAtEnd(writer, label)
  await writer.keyboard.type(words)
  await expect.poll(() => clauseText(reader, label)).toContain(words)
}

/** How many recorded announcements contain `words`. */
const times = (said: string[], words: string | RegExp) => said.filter((one) => (typeof words === 'string' ? one.includes(words) : words.test(one))).length

/** Waits until the live region has said `words` once: announcements wait for a burst to gather and keep a gap between them, longer than a poll's default wait. */
async function heardOnce(said: () => Promise<string[]>, words: string | RegExp): Promise<void> {
  await expect.poll(async () => times(await said(), words), { timeout: 20_000 }).toBe(1)
}

/** Signs the locked version for Poland over the API, as the signatory's browser does. */
async function signForPoland(version: { id: string; sha256: string }): Promise<void> {
  const url = suite.server().url
  const token = await startSession(url, 'signatory-pol')
  const { identity } = (await api(url, 'GET', '/api/session', { token })).body as { identity: { id: string; name: string; delegation: { code: string; name: string } } }
  const key = await registeredKey(url, token)
  const statement = statementFor({ declaration: DOC, versionId: version.id, versionSha256: version.sha256, keyId: key.keyId, signer: { id: identity.id, name: identity.name }, delegation: { code: identity.delegation.code, name: identity.delegation.name } })
  const answer = await api(url, 'POST', `/api/declarations/${DOC}/signatures`, { token, body: { statement, signature: await sign(key.pair.privateKey, statement) } })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
}

describe('announcements of remote changes', () => {
  it('with “only what concerns me”, chosen by keyboard and kept, another delegate editing is not said but an amendment by my own delegation is', async () => {
    const reader = await openAs('Aigerim Seitkali')
    const writer = await openAs('Ержан Нұрланұлы')
    const setting = reader.getByLabel('Announce changes by others')
    for (let step = 0; step < 200 && !(await setting.evaluate((element) => element === document.activeElement)); step += 1) await reader.keyboard.press('Tab')
    await reader.keyboard.press('ArrowDown')
    await expect.poll(() => setting.inputValue()).toBe('mine')
    const said = await recordAnnouncements(reader)

    await typeInto(writer, reader, 'OP4', ' in every region')
    await proposeOverApi(suite.server(), 'editor-kaz', 8, (fragment, index) => spanAt(fragment, index, 0, 0, 'Further, '), 'Clearer.')
    const amendment = /^Ержан Нұрланұлы \(Kazakhstan\) proposed amendment A\d+ to OP\d+\.$/
    await heardOnce(said, amendment)
    expect(times(await said(), 'is editing')).toBe(0)
    await expectNoAxeViolations(reader)
    // The choice is the person's, kept across a reload.
    await reader.reload()
    await expect.poll(() => setting.inputValue()).toBe('mine')
  })

  it('says once that another page edits OP3, opens a comment thread, locks the draft and signs it', async () => {
    const reader = await openAs('Aigerim Seitkali')
    const writer = await openAs('Ержан Нұрланұлы')
    const said = await recordAnnouncements(reader)
    const editing = 'Ержан Нұрланұлы (Kazakhstan) is editing OP3.'

    await typeInto(writer, reader, 'OP3', ' and lifelong learning')
    await heardOnce(said, editing)
    // More keystrokes in the same paragraph within the minute say nothing new.
    await typeInto(writer, reader, 'OP3', ' for all')

    await commentOnParagraph(reader, suite.server().url, 'OP2', 'Which schools does this cover?')
    const thread = 'Chidinma Okafor (Nigeria) opened a comment thread on OP2.'
    await heardOnce(said, thread)

    const version = await lockFinalText(suite.server().url, await startSession(suite.server().url, 'secretariat'))
    const locked = 'The draft is locked for signature on “Final text”.'
    await heardOnce(said, locked)

    await signForPoland(version)
    const signed = 'Poland signed “Final text”.'
    await heardOnce(said, signed)

    const all = await said()
    for (const words of [editing, thread, locked, signed]) expect(times(all, words), all.join(' | ')).toBe(1)
    await expectNoAxeViolations(reader)
  })
})
