import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { isOnScreen } from '../helpers/layout.js'
import { clause, expectNoAxeViolations, openDeclaration, signInAs } from '../helpers/pages.js'
import { commentOnParagraph } from '../helpers/threads.js'

const suite = browserSuite()

/** Scrolls the page itself (not the side panel) so that this paragraph is at the top of the window. */
async function scrollTextTo(page: Page, label: string): Promise<void> {
  await clause(page, label).evaluate((element) => window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - 150))
}

describe('a long text on a laptop screen', () => {
  it('keeps the bar above the text to one row, the toolbar and the save indicator in view, and the comments beside the paragraph being read', async () => {
    const context = await suite.browser().newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    await page.goto(suite.server().url)
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    for (const label of ['PP1', 'PP2', 'PP3', 'PP5', 'OP1', 'OP3', 'OP6']) await commentOnParagraph(page, suite.server().url, label, `On ${label}: needs work.`)
    await commentOnParagraph(page, suite.server().url, 'OP15', 'On OP15: which congress?')
    const lastThread = page.locator('.thread', { hasText: 'On OP15: which congress?' })
    await lastThread.waitFor()
    // Save status, Suggesting, Propose, the formatting toolbar and the amendments toggle share one row.
    const bar = page.locator('.workspace__bar')
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(60)
    const middles = await bar.locator('button:visible, select:visible, .save-indicator').evaluateAll((elements) => elements.map((element) => (element.getBoundingClientRect().top + element.getBoundingClientRect().bottom) / 2))
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(12)
    for (const name of [/^Suggesting/, /^Propose/, 'Bold', 'Italic', 'More formatting']) expect(await isOnScreen(bar.getByRole('button', { name }))).toBe(true)
    expect(await isOnScreen(bar.getByLabel('Amendments in the text'))).toBe(true)
    // The structure controls open over the text, by keyboard, and Escape goes back to their button.
    await bar.getByRole('button', { name: 'More formatting' }).focus()
    await page.keyboard.press('Enter')
    const more = page.getByRole('group', { name: 'More formatting' })
    expect(await more.getByRole('button').allTextContents()).toEqual(['Make preambular (PP)', 'Section heading', 'Bulleted sub-items', 'Numbered sub-items', 'Add note'])
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(60)
    await expectNoAxeViolations(page)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    await more.waitFor({ state: 'detached' })
    expect(await bar.getByRole('button', { name: 'More formatting' }).evaluate((button) => button === document.activeElement)).toBe(true)

    await scrollTextTo(page, 'OP15')
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500)
    expect(await isOnScreen(page.getByRole('toolbar', { name: 'Formatting' }))).toBe(true)
    expect(await isOnScreen(page.getByText('All changes saved'))).toBe(true)
    await expect.poll(() => isOnScreen(lastThread)).toBe(true)
    await expectNoAxeViolations(page)

    await scrollTextTo(page, 'PP1')
    await expect.poll(() => isOnScreen(page.locator('.thread', { hasText: 'On PP1: needs work.' }))).toBe(true)
    expect(await isOnScreen(page.getByRole('toolbar', { name: 'Formatting' }))).toBe(true)
  })
})
