import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled } from '../helpers/editorCaret.js'
import { clause, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const title = 'Almaty Declaration on Inclusive Education'

function titleText(page: Page): Promise<string | null> {
  return page.locator('.declaration-title').textContent()
}

async function openAs(name: string): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page)
  return page
}

describe('the title in the editor', () => {
  it('Enter at the end or the start of the title goes to the first paragraph and never splits the title into a clause', async () => {
    const page = await openAs('Ержан Нұрланұлы')
    const other = await openAs('James Whitfield')
    const pp1 = await clauseText(page, 'PP1')
    const clauses = await page.locator('.clause').count()

    await page.locator('.declaration-title').click()
    await page.keyboard.press('End')
    await caretSettled(page, 'title', 'end')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Ә ')
    await page.keyboard.press('Control+Home')
    await caretSettled(page, 'title', 'start')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Б ')

    for (const view of [page, other]) {
      await expect.poll(() => clauseText(view, 'PP1')).toBe(`Б Ә ${pp1}`)
      expect(await titleText(view)).toBe(title)
      expect(await view.locator('.clause').count()).toBe(clauses)
      expect(await view.locator('.clause').first().getAttribute('data-label')).toBe('PP1')
    }
    await page.getByText('All changes saved').waitFor()
    await expectNoAxeViolations(page)
  })

  it('Backspace at the start of the first paragraph and Delete at the end of the title leave both as they are', async () => {
    const page = await openAs('Chidinma Okafor')
    const pp1 = await clauseText(page, 'PP1')
    await page.locator('.declaration-title').click()
    await caretSettled(page, 'title')
    // Enter and Backspace place the caret themselves, so Delete meets it at the end of the title.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Delete')
    await page.keyboard.type(' 2030')

    await expect.poll(() => titleText(page)).toBe(`${title} 2030`)
    expect(await clauseText(page, 'PP1')).toBe(pp1)
  })

  it('Tab into the editor lands at the start of the first paragraph, not the title', async () => {
    const page = await openAs('Aigerim Seitkali')
    const pp1 = await clauseText(page, 'PP1')
    // The last control of the bar above the text.
    await page.getByLabel('Amendments in the text').focus()
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Declaration text')
    await caretSettled(page, 'clause', 'start')
    await page.keyboard.type('Tab ')

    await expect.poll(() => clauseText(page, 'PP1')).toBe(`Tab ${pp1}`)
    expect(await titleText(page)).toBe(title)
    expect(await clause(page, 'PP1').count()).toBe(1)

    // A click leaves the caret where it was put, the start of the title included.
    await page.getByRole('button', { name: 'More formatting' }).focus()
    await page.locator('.declaration-title').click({ position: { x: 2, y: 4 } })
    await page.keyboard.press('Home')
    await caretSettled(page, 'title', 'start')
    await page.keyboard.type('The ')
    await expect.poll(() => titleText(page)).toBe(`The ${title}`)
  })
})
