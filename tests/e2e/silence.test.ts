import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { SilenceView } from '../../shared/silence/silenceSchemas.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmDialog } from '../helpers/confirmDialog.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { ManualClock } from '../helpers/manualClock.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { base, lockFinalText } from '../helpers/silence.js'
import { startTestServer, type TestServer } from '../helpers/testServer.js'

const suite = browserSuite()
const HOUR = 3_600_000

/** This test's server on a clock it drives, with the final text locked for signature. */
async function lockedOnClock(clock: ManualClock): Promise<{ server: TestServer; chair: string; versionId: string }> {
  const server = await startTestServer({ clock })
  await suite.server().destroy()
  suite.replaceServer(server)
  const chair = await startSession(server.url, 'chair')
  return { server, chair, versionId: (await lockFinalText(server.url, chair)).id }
}

/** A page signed in as the person, on the declaration, read-only. */
async function onDeclaration(url: string, person: string): Promise<Page> {
  const page = await openApp(suite.browser(), url)
  await signInAs(page, person)
  await openDeclaration(page, { editable: false })
  return page
}

/** Moves focus with Tab alone until the element has it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let step = 0; step < 200; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('the element cannot be reached with Tab')
}

const banner = (page: Page) => page.getByRole('region', { name: 'Silence procedure' })
const running = '“Final text” is under silence procedure; no delegation has broken silence.'

describe('the silence procedure in the browser', () => {
  it('the chair places the locked version under silence for 72 hours in a chosen zone; another page shows the deadline and the countdown at once', async () => {
    const { server } = await lockedOnClock(new ManualClock())
    const openVersions = async () => {
      const page = await openApp(suite.browser(), server.url)
      await signInAs(page, 'Aigerim Seitkali')
      await page.goto(`${server.url}/d/almaty-declaration/versions`)
      await page.getByRole('heading', { name: 'Silence procedure on “Final text”' }).waitFor()
      return page
    }
    const [observer, chair] = await Promise.all([onDeclaration(server.url, 'Siti Rahmawati'), openVersions()])
    await expectNoAxeViolations(chair)
    await chair.getByLabel('Time zone').selectOption('Asia/Almaty')
    // Placed by keyboard: Tab from the zone to the button, then Enter.
    await chair.getByLabel('Time zone').focus()
    await pressByKeyboard(chair, 'Place under silence')
    await banner(chair).getByText(running).waitFor()

    await observer.bringToFront()
    await banner(observer).getByText(running).waitFor()
    await expect.poll(() => banner(observer).textContent()).toMatch(/Deadline: \d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT\+5 \(Asia\/Almaty\), that is .* UTC where you are\./)
    expect(await banner(observer).getByRole('timer').textContent()).toMatch(/^2 days, 23 hours and 5\d minutes left\.$/)
    await expectNoAxeViolations(observer)
  })

  it('a signatory breaks silence by keyboard, and another page sees the break at once', async () => {
    const { server, chair, versionId } = await lockedOnClock(new ManualClock())
    const opened = await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId } })
    expect((opened.body as SilenceView).state).toBe('running')
    const [observer, signatory] = await Promise.all([onDeclaration(server.url, 'Siti Rahmawati'), onDeclaration(server.url, 'Katarzyna Nowak')])

    await banner(signatory).getByText(running).waitFor()
    await pressByKeyboard(signatory, 'Break silence for Poland…')
    const op2 = signatory.getByRole('checkbox', { name: /^OP2 / })
    await tabTo(signatory, op2)
    await signatory.keyboard.press('Space')
    expect(await op2.isChecked()).toBe(true)
    await tabTo(signatory, signatory.getByLabel(/^Statement/))
    await signatory.keyboard.type('Poland cannot join consensus on OP2 without its parliament.')
    await expectNoAxeViolations(signatory)
    await tabTo(signatory, signatory.getByRole('button', { name: 'Break silence for Poland', exact: true }))
    await signatory.keyboard.press('Enter')
    await tabTo(signatory, confirmDialog(signatory).getByRole('button', { name: 'Break silence for Poland', exact: true }))
    await signatory.keyboard.press('Enter')
    const broken = '“Final text” is under silence procedure; silence has been broken by Poland.'
    await banner(signatory).getByText(broken).waitFor()

    await observer.bringToFront()
    await banner(observer).getByText(broken).waitFor()
    await expect.poll(() => banner(observer).getByRole('listitem').first().textContent()).toMatch(/^Poland broke silence on OP2 \(Katarzyna Nowak, .*\): Poland cannot join consensus on OP2 without its parliament\.$/)
  })

  it('at the deadline the server marks the version adopted by its own clock, and an open page shows it at once', async () => {
    const clock = new ManualClock()
    const { server, chair, versionId } = await lockedOnClock(clock)
    await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId } })
    const signatory = await onDeclaration(server.url, 'Katarzyna Nowak')
    await banner(signatory).getByText(running).waitFor()
    clock.advance(72 * HOUR)
    await banner(signatory).getByText('“Final text” was adopted by silence procedure at its deadline: no delegation broke silence.').waitFor()
    expect(await banner(signatory).getByRole('timer').count()).toBe(0)
    expect(await banner(signatory).getByRole('button', { name: /Break silence/ }).count()).toBe(0)
    await expectNoAxeViolations(signatory)
  })

  it('the chair unlocks the draft during silence, warned that it withdraws the silence; another page sees it withdrawn at once', async () => {
    const { server, chair, versionId } = await lockedOnClock(new ManualClock())
    await api(server.url, 'POST', `${base}/silence`, { token: chair, body: { versionId } })
    const observer = await onDeclaration(server.url, 'Siti Rahmawati')
    await banner(observer).getByText(running).waitFor()
    const page = await openApp(suite.browser(), server.url)
    await signInAs(page, 'Aigerim Seitkali')
    await page.goto(`${server.url}/d/almaty-declaration/versions`)
    await page.getByLabel(/Version name/).fill('Rev.3')
    await page.getByRole('button', { name: 'Freeze and unlock' }).click()
    await confirmDialog(page).getByText('If “Final text” is under silence procedure, the silence ends now as withdrawn: the version is not adopted, and the withdrawal is recorded in the audit log.').waitFor()
    await expectNoAxeViolations(page)
    await confirmDialog(page).getByRole('button', { name: 'Freeze and unlock' }).click()
    await page.getByText('“Rev.3” is frozen and the draft is unlocked.').waitFor()

    await observer.bringToFront()
    const withdrawn = '↩ Silence withdrawn: Silence on “Final text” was withdrawn: the draft was unlocked before the deadline, so the version was not adopted.'
    await expect.poll(() => banner(observer).getByRole('status').textContent()).toBe(withdrawn)
    expect(await banner(observer).getByRole('timer').count()).toBe(0)
    await expectNoAxeViolations(observer)
  })
})
