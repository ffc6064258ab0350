import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()
const declaration = 'Almaty Declaration on Inclusive Education'

/** Creates an invitation through the API and returns its one-time link. */
async function invite(baseUrl: string): Promise<string> {
  const token = await startSession(baseUrl)
  const answer = await api(baseUrl, 'POST', '/api/declarations/almaty-declaration/invitations', {
    token,
    body: { name: 'Nurgul Abenova', login: 'nurgul', delegation: 'KAZ', role: 'signatory' },
  })
  expect(answer.status).toBe(201)
  return (answer.body as { link: string }).link
}

/** Waits until the tab carries this title. */
async function expectTitle(page: Page, title: string): Promise<void> {
  await expect.poll(() => page.title()).toBe(title)
}

/**
 * A date no reader can misread, in whatever language: no all-digit day/month/year, a four-digit year, the month as a
 * word, and a named time zone or offset.
 */
function expectUnambiguous(text: string | null): void {
  expect(text).not.toMatch(/\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/)
  expect(text).toMatch(/\b\d{4}\b/)
  expect(text).toMatch(/\p{L}{3,}/u)
  expect(text).toMatch(/(GMT|UTC)([+\-−]\d{1,2}(:\d{2})?)?|\b[A-Z]{3,5}\b/)
}

describe('each screen names itself', () => {
  it('gives every screen its own page title', async () => {
    const link = await invite(suite.server().url)
    const invitee = await openApp(suite.browser(), link)
    await expectTitle(invitee, `Accept your invitation — ${declaration} — Kelisim`)

    const chair = await openApp(suite.browser(), suite.server().url)
    await expectTitle(chair, 'Sign in — Kelisim')
    await signInAs(chair, 'Aigerim Seitkali')
    await expectTitle(chair, 'Declarations — Kelisim')
    await openDeclaration(chair)
    await expectTitle(chair, `${declaration} — Kelisim`)
    for (const screen of ['Versions', 'Signatures', 'Participants']) {
      await chair.getByRole('link', { name: screen }).click()
      await expectTitle(chair, `${screen} — ${declaration} — Kelisim`)
      await chair.getByRole('link', { name: 'Back to the declaration' }).click()
      await expectTitle(chair, `${declaration} — Kelisim`)
    }
  })
})

describe('dates', () => {
  it('shows every date with the month as a word and its time zone, even in a US browser', async () => {
    await invite(suite.server().url)
    const context = await suite.browser().newContext({ locale: 'en-US', timezoneId: 'America/New_York' })
    const chair = await context.newPage()
    await chair.goto(suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Rev.1')
    expectUnambiguous(await chair.locator('.versions-table time').first().textContent())
    await chair.locator('.audit-log time').first().waitFor()
    for (const time of await chair.locator('.audit-log time').allTextContents()) expectUnambiguous(time)

    await chair.goto(`${suite.server().url}/d/almaty-declaration/participants`)
    expectUnambiguous(await chair.locator('.invitations time').first().textContent())
  })
})
