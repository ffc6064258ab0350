import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretAtEnd, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

describe('notes in the text', () => {
  it('a note can be edited after it is inserted, and everyone sees the new text', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Ержан Нұрланұлы')
    await openDeclaration(page)
    const other = await openApp(suite.browser(), suite.server().url)
    await signInAs(other, 'James Whitfield')
    await openDeclaration(other)

    await caretAtEnd(page, 'OP2')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.getByLabel('Note text').fill('See the 2006 Convention')
    await page.getByRole('button', { name: 'Insert note' }).click()
    await other.locator('.notes li', { hasText: 'See the 2006 Convention' }).waitFor()

    await page.getByRole('button', { name: 'Edit note 1' }).click()
    await page.getByLabel('Text of note 1').fill('2006 жылғы Конвенцияны қараңыз')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Save note' }).click()

    for (const view of [page, other]) {
      await expect.poll(() => view.locator('.notes li span').allTextContents()).toEqual(['2006 жылғы Конвенцияны қараңыз'])
      expect(await view.locator('.footnote').getAttribute('data-note')).toBe('2006 жылғы Конвенцияны қараңыз')
    }
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit note 1')
    await page.getByText('All changes saved').waitFor()
  })
})
