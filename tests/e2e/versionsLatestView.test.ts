import { describe, expect, it } from 'vitest'
import type { Route } from 'playwright-core'
import { openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()

describe('the versions page', () => {
  it('shows what was asked for last, even when an earlier redline answers after it', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Zero draft')

    // The redline's answer is held until the text asked for after it is on screen.
    let held!: (route: Route) => void
    const redlineAsked = new Promise<Route>((resolve) => (held = resolve))
    await chair.route('**/api/declarations/*/redline?*', (route) => held(route))
    await chair.getByRole('button', { name: 'Compare Zero draft with the live draft' }).click()
    const redline = await redlineAsked
    await chair.getByRole('button', { name: 'View Zero draft' }).click()
    await chair.getByRole('heading', { name: '“Zero draft” (read-only)' }).waitFor()

    const answered = chair.waitForResponse((response) => response.url().includes('/redline?'))
    await redline.continue()
    await (await answered).finished()
    // Time for the page to read, check and render the late answer, were it to apply it.
    await chair.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 250)))
    expect(await chair.getByRole('heading', { name: '“Zero draft” (read-only)' }).count()).toBe(1)
    expect(await chair.getByRole('heading', { name: 'Changes from “Zero draft” to the live draft' }).count()).toBe(0)
  })
})
