import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { expectNoSidewaysScroll, isOnScreen, openOnPhone } from '../helpers/layout.js'
import { clause, expectNoAxeViolations, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { commentOnParagraph } from '../helpers/threads.js'

const suite = browserSuite()
const base = '/api/declarations/almaty-declaration'

/** Freezes one version, locks it, and leaves an invitation waiting, so every screen has its tables filled. */
async function fillScreens(baseUrl: string): Promise<string> {
  const token = await startSession(baseUrl)
  const frozen = await api(baseUrl, 'POST', `${base}/versions`, { token, body: { name: 'Final text' } })
  const id = (frozen.body as { version: { id: string } }).version.id
  expect((await api(baseUrl, 'POST', `${base}/versions/${id}/lock`, { token })).status).toBe(200)
  const invitation = await api(baseUrl, 'POST', `${base}/invitations`, { token, body: { name: 'Nurgul Abenova', login: 'nurgul', delegation: 'KAZ', role: 'signatory' } })
  return (invitation.body as { link: string }).link
}

describe('on a 375 px phone', () => {
  it('no screen scrolls sideways, and each passes axe', async () => {
    const link = await fillScreens(suite.server().url)
    const invitee = await openOnPhone(suite.browser(), link)
    await invitee.getByText(/you are invited to/).waitFor()
    await expectNoSidewaysScroll(invitee)

    const chair = await openOnPhone(suite.browser(), suite.server().url)
    await chair.getByRole('heading', { name: 'Sign in' }).first().waitFor()
    await expectNoSidewaysScroll(chair)
    await signInAs(chair, 'Aigerim Seitkali')
    await expectNoSidewaysScroll(chair)
    await openDeclaration(chair, { editable: false })
    await expectNoSidewaysScroll(chair)
    await expectNoAxeViolations(chair)

    await chair.getByRole('link', { name: 'Versions' }).click()
    await chair.getByText('The hash chain is intact.').waitFor()
    await expectNoSidewaysScroll(chair)
    await expectNoAxeViolations(chair)

    await chair.getByRole('link', { name: 'Back to the declaration' }).click()
    await chair.getByRole('link', { name: 'Signatures' }).click()
    // Kazakhstan's invited signatory is a member already, so three delegations are expected to sign.
    await chair.getByText('Signed: 0 of 9 delegations taking part. Expected to sign: 3.').waitFor()
    await expectNoSidewaysScroll(chair)
    await expectNoAxeViolations(chair)

    await chair.getByRole('link', { name: 'Back to the declaration' }).click()
    await chair.getByRole('link', { name: 'Participants' }).click()
    await chair.getByRole('row', { name: /James Whitfield/ }).waitFor()
    await expectNoSidewaysScroll(chair)
    await expectNoAxeViolations(chair)

    const signatory = await openOnPhone(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await signatory.goto(`${suite.server().url}/d/almaty-declaration/signatures`)
    await signatory.getByRole('heading', { name: 'Full text of “Final text”' }).waitFor()
    await expectNoSidewaysScroll(signatory)
  })

  it('opens the comments from the top of the declaration, without scrolling past the text', async () => {
    const editor = await openOnPhone(suite.browser(), suite.server().url)
    await signInAs(editor, 'James Whitfield')
    await openDeclaration(editor)
    await expectNoSidewaysScroll(editor)
    const toggle = editor.getByRole('button', { name: 'Comments and people' })
    expect(await isOnScreen(toggle)).toBe(true)
    await toggle.click()
    const heading = editor.getByRole('heading', { name: /^Comments \(\d+ open\)$/ })
    await expect.poll(() => isOnScreen(heading)).toBe(true)
    expect(await editor.evaluate(() => window.scrollY)).toBe(0)
    expect(await editor.getByRole('complementary', { name: 'People and comments' }).evaluate((panel) => panel.contains(document.activeElement))).toBe(true)
    await expectNoAxeViolations(editor)
    await expectNoSidewaysScroll(editor)

    await editor.keyboard.press('Escape')
    await expect.poll(() => editor.getByRole('complementary', { name: 'People and comments' }).isVisible()).toBe(false)
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true)

    await toggle.click()
    await editor.getByRole('button', { name: 'Close comments and people' }).click()
    await expect.poll(() => editor.getByRole('complementary', { name: 'People and comments' }).isVisible()).toBe(false)

    await commentOnParagraph(editor, suite.server().url, 'OP12', 'On OP12: which institutions?')
    await toggle.click()
    await editor.locator('.thread', { hasText: 'On OP12: which institutions?' }).getByRole('button', { name: 'Show in text' }).click()
    await expect.poll(() => editor.getByRole('complementary', { name: 'People and comments' }).isVisible()).toBe(false)
    await expect.poll(() => isOnScreen(clause(editor, 'OP12'))).toBe(true)
  })
})
