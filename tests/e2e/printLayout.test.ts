import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled } from '../helpers/editorCaret.js'
import { caretAtEnd, clause, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

describe('printing the declaration', () => {
  it('prints the title, the numbered paragraphs and the notes as endnotes, and none of the controls', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    await caretAtEnd(page, 'OP2')
    await caretSettled(page, 'clause', 'end')
    await page.getByRole('button', { name: 'More formatting' }).click()
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.getByLabel('Note text').fill('Convention on the Rights of Persons with Disabilities, art. 24')
    await page.getByRole('button', { name: 'Insert note' }).click()
    await caretAtEnd(page, 'OP3')
    await page.keyboard.press('Control+f')
    await page.getByLabel('Find in text').fill('education')
    await page.getByText('All changes saved').waitFor()

    await page.emulateMedia({ media: 'print' })

    const visibleControls = await page.locator('button, input, select, textarea, a[href], [role="status"]').evaluateAll(
      (elements) => elements.filter((element) => element.checkVisibility()).map((element) => element.outerHTML.slice(0, 80)),
    )
    expect(visibleControls).toEqual([])
    for (const hidden of ['.app-header', '.workspace__side', '.declaration-bar']) expect(await page.locator(hidden).isVisible()).toBe(false)

    expect(await page.locator('.declaration-title').isVisible()).toBe(true)
    for (const label of ['PP1', 'PP8', 'OP1', 'OP15']) {
      expect(await clause(page, label).isVisible()).toBe(true)
      expect(await clause(page, label).evaluate((element) => getComputedStyle(element, '::before').content)).toBe(`"${label}"`)
    }
    expect(await page.locator('.search-match').first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgba(0, 0, 0, 0)')
    const endnotes = page.getByRole('region', { name: 'Notes' })
    expect(await endnotes.isVisible()).toBe(true)
    expect((await endnotes.locator('li').allInnerTexts()).map((text) => text.trim())).toEqual(['Convention on the Rights of Persons with Disabilities, art. 24'])
    expect(await page.locator('.footnote').evaluate((element) => getComputedStyle(element, '::after').verticalAlign)).toBe('super')
  })
})
