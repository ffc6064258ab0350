import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { expectNoAxeViolations } from '../helpers/pages.js'

const suite = browserSuite()

describe('the screen before the session is known', () => {
  it('has its heading and nothing for axe to find while the session is read, and when the server cannot be reached', async () => {
    const page = await (await suite.browser().newContext()).newPage()
    // The session's answer is held, so the loading moment lasts as long as the test needs.
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/session', async (route) => {
      await released
      await route.abort('connectionrefused')
    })
    await page.goto(suite.server().url)
    await page.getByRole('status').filter({ hasText: 'Loading…' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kelisim')
    await expectNoAxeViolations(page)

    release()
    await page.getByRole('alert').filter({ hasText: 'The server cannot be reached' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kelisim')
    await expectNoAxeViolations(page)
  })
})
