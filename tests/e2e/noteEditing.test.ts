import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled } from '../helpers/editorCaret.js'
import { caretAtEnd, caretAtStart, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

/** Two delegates of different delegations, each with the declaration open. */
async function twoDelegates(): Promise<{ page: Page; other: Page }> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, 'Ержан Нұрланұлы')
  await openDeclaration(page)
  const other = await openApp(suite.browser(), suite.server().url)
  await signInAs(other, 'James Whitfield')
  await openDeclaration(other)
  return { page, other }
}

/** Puts a note with this text at the start or the end of a paragraph, through the toolbar. */
async function insertNote(view: Page, label: string, at: 'start' | 'end', text: string): Promise<void> {
  await (at === 'end' ? caretAtEnd : caretAtStart)(view, label)
  await caretSettled(view, 'clause', at)
  await view.getByRole('button', { name: 'More formatting' }).click()
  await view.getByRole('button', { name: 'Add note' }).click()
  await view.getByLabel('Note text').fill(text)
  await view.getByRole('button', { name: 'Insert note' }).click()
}

describe('notes in the text', () => {
  it('a note can be edited after it is inserted, and everyone sees the new text', async () => {
    const { page, other } = await twoDelegates()

    await insertNote(page, 'OP2', 'end', 'See the 2006 Convention')
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

  it('editing a note changes that note even when someone adds another before it meanwhile', async () => {
    const { page, other } = await twoDelegates()

    await insertNote(page, 'OP2', 'end', 'Original note')
    await page.getByRole('button', { name: 'Edit note 1' }).click()
    await page.getByLabel('Text of note 1').fill('Edited note')

    // While the form is open, another delegate puts a note before this one, so it becomes note 2.
    await insertNote(other, 'PP1', 'start', 'Earlier note')
    await expect.poll(() => page.locator('.footnote').count()).toBe(2)
    // The open form moves with its note and keeps what was typed.
    await expect.poll(() => page.getByLabel('Text of note 2').inputValue()).toBe('Edited note')

    await page.getByRole('button', { name: 'Save note' }).click()
    for (const view of [page, other]) {
      await expect.poll(() => view.locator('.footnote').evaluateAll((notes) => notes.map((note) => note.getAttribute('data-note')))).toEqual(['Earlier note', 'Edited note'])
    }
  })
})
