import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../server/src/seed/demoAccounts.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs, signInWithPassword } from '../helpers/pages.js'

const suite = browserSuite()

describe('failed sign-ins in the browser', () => {
  it("keeps focus on the form after a failure, lets a known browser in despite a stranger's guesses, and lets a moderator clear them", async () => {
    const owner = await openApp(suite.browser(), suite.server().url)
    await signInWithPassword(owner, 'signatory-pol', DEMO_PASSWORD)
    await owner.evaluate(() => fetch('/api/session', { method: 'DELETE' }))
    await owner.reload()
    await owner.getByRole('heading', { name: 'Sign in', exact: true }).waitFor()

    const stranger = await openApp(suite.browser(), suite.server().url)
    await stranger.getByLabel('Login').fill('signatory-pol')
    const paced = /try again in \d+ seconds?\. A browser that signed in to this login before is not held up\./
    // Each pause doubles, so within ten guesses one arrives before the pause is over.
    const alertText = async () => ((await stranger.getByRole('alert').count()) > 0 ? await stranger.getByRole('alert').textContent() : '') ?? ''
    // The answer has come back once the field is focused with all of the guess selected, ready to retype.
    const answered = () =>
      expect
        .poll(() =>
          stranger.evaluate(() => {
            const field = document.activeElement as HTMLInputElement | null
            return field?.type === 'password' && field.value.length > 0 && field.selectionStart === 0 && field.selectionEnd === field.value.length
          }),
        )
        .toBe(true)
    for (let attempt = 0; attempt < 10 && !paced.test(await alertText()); attempt += 1) {
      await stranger.getByLabel('Password').fill(`guess-${attempt}`)
      await stranger.keyboard.press('Enter')
      await expect.poll(() => stranger.getByRole('alert').textContent()).toMatch(attempt === 0 ? /do not match/ : /./)
      await answered()
      await stranger.keyboard.type('x')
      expect(await stranger.getByLabel('Password').inputValue()).toBe('x')
    }
    await expect.poll(() => stranger.getByRole('alert').textContent()).toMatch(paced)
    await expectNoAxeViolations(stranger)

    await signInWithPassword(owner, 'signatory-pol', DEMO_PASSWORD)

    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('link', { name: 'Participants' }).click()
    await chair.getByRole('button', { name: 'Clear sign-in lock of Emily Carter' }).click()
    await chair.getByText('Emily Carter had no failed sign-ins to clear.').waitFor()
    await stranger.getByLabel('Password').fill('guess-again')
    await stranger.keyboard.press('Enter')
    // Counted before the lock is cleared, and the form free again for the next sign-in.
    await answered()
    await chair.getByRole('button', { name: 'Clear sign-in lock of Katarzyna Nowak' }).click()
    await chair.getByText('Failed sign-ins of Katarzyna Nowak cleared: they can sign in at once.').waitFor()
    await expectNoAxeViolations(chair)
    await stranger.getByLabel('Password').fill(DEMO_PASSWORD)
    await stranger.keyboard.press('Enter')
    await stranger.getByRole('heading', { name: 'Declarations' }).waitFor()
  })
})
