import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { caretClause, pressByKeyboard } from '../helpers/keyboard.js'
import { expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
const WORDS = ' және қыздар'
const JUSTIFICATION = 'Қыздар жиі тыс қалады.'

/** Signs in from the sign-in page switched to `language`, whose list heading is `listHeading`, and opens the declaration until its text is in. */
async function openIn(name: string, language: 'kk' | 'ru', listHeading: string): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await page.getByLabel('Language').selectOption(language)
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
  await signInAs(page, name, listHeading)
  await page.getByRole('link', { name: 'Almaty Declaration on Inclusive Education' }).click()
  await page.locator('.declaration-text .clause[data-label="OP1"]').waitFor()
  return page
}

/** Nothing of the page is left in English and axe finds nothing. */
async function expectSpoken(page: Page): Promise<void> {
  expect(await englishLeft(page)).toEqual([])
  await expectNoAxeViolations(page)
}

/** Shows the amendments in the side panel by keyboard: the second of its views, whatever its name in the interface language. */
async function showAmendments(page: Page): Promise<void> {
  const name = (await page.locator('.side-tabs button').nth(1).textContent()) ?? ''
  await pressByKeyboard(page, name)
  await page.locator('.amendments').waitFor()
}

const card = (page: Page, label: string) => page.locator(`.amendment[data-amendment="${label}"]`)

describe('amendments in Kazakh and Russian', () => {
  it('a Kazakh editor suggests an insertion, a Polish signatory supports it and the chair accepts it, each in their language, with the compilation in Kazakh', async () => {
    const kazakh = await openIn('Ержан Нұрланұлы', 'kk', 'Декларациялар')
    const signatory = await openIn('Katarzyna Nowak', 'ru', 'Декларации')
    const chair = await openIn('Aigerim Seitkali', 'ru', 'Декларации')
    await expectSpoken(kazakh)

    await pressByKeyboard(kazakh, /^Ұсыныс режимі/)
    expect(await kazakh.getByRole('button', { name: /^Ұсыныс режимі/ }).getAttribute('aria-pressed')).toBe('true')
    await kazakh.locator('.declaration-text').focus()
    await kazakh.keyboard.press('Control+End')
    const paragraph = await caretClause(kazakh)
    expect(paragraph).toMatch(/^OP\d+$/)
    await kazakh.keyboard.type(WORDS)
    await expect.poll(() => kazakh.locator('.suggestion-ins').textContent()).toBe(WORDS)
    expect(await kazakh.locator('.suggestion-code').textContent()).toBe('KAZ ұсынады')
    await kazakh.getByRole('form', { name: `${paragraph} тармағындағы ұсынысыңыз` }).waitFor()
    await expectSpoken(kazakh)

    await kazakh.getByLabel('Негіздеме (міндетті емес)').focus()
    await kazakh.keyboard.type(JUSTIFICATION)
    await kazakh.keyboard.press('Tab')
    await kazakh.keyboard.press('Enter')
    await kazakh.getByText(`${paragraph} тармағы бойынша түзетуіңіз жіберілді.`).waitFor()
    await expectSpoken(kazakh)

    await showAmendments(signatory)
    await card(signatory, 'A1').waitFor()
    expect(await card(signatory, 'A1').getByRole('heading').textContent()).toBe(`A1 к ${paragraph} — Ожидает решения`)
    expect(await card(signatory, 'A1').locator('.amendment__summary').textContent()).toBe(`внесена: Kazakhstan: вставить «${WORDS}»`)
    expect(await card(signatory, 'A1').locator('.amendment__justification').textContent()).toBe(`Обоснование: ${JUSTIFICATION}`)
    await pressByKeyboard(signatory, 'Поддержать')
    await expect.poll(() => card(signatory, 'A1').getByRole('button', { name: 'Поддержать' }).getAttribute('aria-pressed')).toBe('true')
    await expectSpoken(signatory)

    await showAmendments(chair)
    await expect.poll(() => card(chair, 'A1').locator('.amendment__summary').textContent()).toBe(`внесена: Kazakhstan; поддержали: Poland: вставить «${WORDS}»`)
    await expectSpoken(chair)

    // The compilation, in Kazakh, while the amendment is still open.
    await kazakh.goto(`${suite.server().url}/d/${DOC}/compilation`)
    const line = kazakh.locator('[data-amendment="A1"] .compilation__line')
    await expect.poll(() => line.textContent()).toBe(`A1, ұсынған: Kazakhstan; қолдағандар: Poland: «${WORDS}» сөздерін қосу`)
    expect(await kazakh.getByRole('list', { name: `${paragraph} тармағына түзетулер` }).count()).toBe(1)
    await expectSpoken(kazakh)

    await pressByKeyboard(chair, 'Принять A1')
    await chair.getByLabel('Статус').selectOption('all')
    await expect.poll(() => card(chair, 'A1').getByRole('heading').textContent()).toBe(`A1 к ${paragraph} — Принята`)
    await expect.poll(() => card(chair, 'A1').locator('.amendment__decision').textContent()).toMatch(/^Принята: Aigerim Seitkali \(.+\), \d+ \S+ \d{4}/)
    await expectSpoken(chair)
    await expect.poll(() => line.count()).toBe(0)
    await expectSpoken(kazakh)
  })
})
