import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled, editorCaret } from '../helpers/editorCaret.js'
import { caretAtEnd, clause, clauseText, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

/** Pastes what a copy put on the clipboard into the text at the caret, as the browser would. */
const paste = (page: Page, copied: { html: string; text: string }) =>
  page.evaluate((pasted) => {
    const data = new DataTransfer()
    data.setData('text/html', pasted.html)
    data.setData('text/plain', pasted.text)
    document.querySelector('.declaration-text')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, copied)

describe('copying within the text', () => {
  it('whole paragraphs copied and pasted stay paragraphs with new ids, never sub-items, and one line in the title', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    const [pp2, pp3] = [await clauseText(page, 'PP2'), await clauseText(page, 'PP3')]
    const clauses = await page.locator('.clause').count()

    await clause(page, 'PP2').click()
    // The selection runs from the start of PP2 to the end of PP3, as a drag over both would make it.
    await page.evaluate(() => {
      const range = document.createRange()
      range.setStart(document.querySelector('.clause[data-label="PP2"]')!.firstChild!, 0)
      const last = document.querySelector('.clause[data-label="PP3"]')!.lastChild!
      range.setEnd(last, last.textContent!.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    })
    await expect.poll(async () => (await editorCaret(page)).empty).toBe(false)
    const copied = await page.evaluate(() => {
      const data = new DataTransfer()
      document.querySelector('.declaration-text')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
      return { html: data.getData('text/html'), text: data.getData('text/plain') }
    })
    expect(copied.html).toContain('data-pm-slice')

    await caretAtEnd(page, 'OP3')
    await caretSettled(page, 'clause', 'end')
    await page.keyboard.press('Enter')
    await paste(page, copied)

    await expect.poll(() => page.locator('.clause').count()).toBe(clauses + 2)
    expect(await page.locator('.declaration-text > ul, .declaration-text > ol').count()).toBe(0)
    const texts = await page.locator('.clause').allTextContents()
    expect(texts.filter((text) => text === pp2)).toHaveLength(2)
    expect(texts.filter((text) => text === pp3)).toHaveLength(2)
    const ids = await page.locator('.clause').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-clause-id')))
    expect(new Set(ids).size).toBe(ids.length)

    // Pasted into the title, the same copy becomes one line of it and the title stays above every paragraph.
    await page.locator('.declaration-title').click()
    await caretSettled(page, 'title')
    // Enter and Backspace place the caret themselves: at the end of the title.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace')
    await paste(page, copied)
    await expect.poll(() => page.locator('.declaration-title').textContent()).toBe(`Almaty Declaration on Inclusive Education${pp2} ${pp3}`)
    expect(await page.locator('.clause').count()).toBe(clauses + 2)
  })
})
