import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs, signInWithPassword } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'

const suite = browserSuite()

const roles = [
  { name: 'Aigerim Seitkali', role: 'Moderator', edits: true, manages: true },
  { name: 'James Whitfield', role: 'Editor', edits: true, manages: false },
  { name: 'Katarzyna Nowak', role: 'Signatory', edits: false, manages: false },
  { name: 'ليلى حسن', role: 'Observer', edits: false, manages: false },
]

describe('each role sees only what it may do', () => {
  it.each(roles)('$role ($name)', async ({ name, role, edits, manages }) => {
    const page = await openApp(suite.browser(), suite.server().url)
    // The sign-in page, not the moment before the session is read, is what is checked.
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor()
    await expectNoAxeViolations(page)
    await signInAs(page, name)
    await expect.poll(() => page.locator('.declaration-list li').textContent()).toContain(role)
    await openDeclaration(page, { editable: edits })
    await page.getByText(`Your role: ${role}${edits ? '' : ' (read-only)'}`).waitFor()
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(edits ? 1 : 0)
    expect(await page.getByRole('link', { name: 'Participants' }).count()).toBe(manages ? 1 : 0)
    expect(await page.locator('.declaration-text').getAttribute('contenteditable')).toBe(String(edits))
    await expectNoAxeViolations(page)
  })
})

describe('inviting a participant', () => {
  it('a moderator invites someone, who sets a password from the link and signs in with it', async () => {
    const moderator = await openApp(suite.browser(), suite.server().url)
    await signInAs(moderator, 'Aigerim Seitkali')
    await openDeclaration(moderator)
    await moderator.getByRole('link', { name: 'Participants' }).click()
    await moderator.getByRole('heading', { name: 'People and roles' }).waitFor()
    await expectNoAxeViolations(moderator)

    await moderator.getByLabel('Full name', { exact: true }).fill('Nurgul Abenova')
    await moderator.getByLabel('Login', { exact: true }).fill('nurgul')
    await moderator.getByLabel('Delegation', { exact: true }).selectOption({ label: 'Kazakhstan' })
    await moderator.getByLabel('Role', { exact: true }).selectOption({ label: 'Signatory' })
    await moderator.getByRole('button', { name: 'Create invitation link' }).click()
    const link = await moderator.getByLabel(/Invitation link/).inputValue()
    expect(link).toMatch(/\/invite\//)
    await moderator.getByText(/Nurgul Abenova \(nurgul, Kazakhstan\) as Signatory/).waitFor()
    await expectNoAxeViolations(moderator)

    const invitee = await openApp(suite.browser(), link)
    await invitee.getByText(/you are invited to/).waitFor()
    await expectNoAxeViolations(invitee)
    await invitee.getByLabel(/Choose a password/).fill('nurgul-signs-2025')
    await invitee.getByLabel('Repeat the password').fill('nurgul-signs-2025')
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click()
    await invitee.getByText('Your role: Signatory (read-only)').waitFor()

    await moderator.reload()
    await moderator.getByRole('row', { name: /Nurgul Abenova/ }).waitFor()
    expect(await moderator.getByText(/Nurgul Abenova \(nurgul/).count()).toBe(0)

    const again = await openApp(suite.browser(), suite.server().url)
    await signInWithPassword(again, 'nurgul', 'nurgul-signs-2025')
    const used = await openApp(suite.browser(), link)
    await used.getByRole('alert').filter({ hasText: /not valid/ }).waitFor()
  })

  it('a role change reaches the open page of that person', async () => {
    const moderator = await openApp(suite.browser(), suite.server().url)
    await signInAs(moderator, 'Marie Dubois')
    await moderator.goto(`${suite.server().url}/d/almaty-declaration/participants`)
    const observer = await openApp(suite.browser(), suite.server().url)
    await signInAs(observer, 'Siti Rahmawati')
    await openDeclaration(observer, { editable: false })

    await moderator.getByLabel('Role of Siti Rahmawati').selectOption({ label: 'Editor' })
    await moderator.getByRole('button', { name: 'Save role of Siti Rahmawati' }).click()
    await moderator.getByText('Siti Rahmawati is now Editor.').waitFor()

    await observer.getByText('Your role: Editor').waitFor()
    await observer.locator('.declaration-text[contenteditable="true"]').waitFor()
    await observer.getByRole('toolbar', { name: 'Formatting' }).waitFor()
  })
})
