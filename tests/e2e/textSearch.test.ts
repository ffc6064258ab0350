import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretAtEnd, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const word = 'education'

/** How often the word occurs in the paragraphs of the text, counted apart from the editor's own search. */
function occurrences(page: Page): Promise<number> {
  return page.locator('.declaration-text').evaluate(
    (root, sought) => [...root.children].reduce((total, block) => total + (block.textContent ?? '').toLowerCase().split(sought).length - 1, 0),
    word,
  )
}

function status(page: Page) {
  return page.getByRole('search').getByRole('status')
}

describe('search in the text', () => {
  it('Ctrl+F finds a word across paragraphs, counts the hits, moves between them and Escape returns to the text', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    const total = await occurrences(page)
    expect(total).toBeGreaterThan(3)
    await caretAtEnd(page, 'OP1')
    await page.keyboard.press('Control+f')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel('Find in text').getAttribute('id'))

    await page.keyboard.type('EDUCATION')
    await expect.poll(() => status(page).textContent()).toBe(`${total} matches`)
    expect(await page.locator('.search-match').count()).toBe(total)
    const paragraphs = await page.locator('.search-match').evaluateAll((hits) => new Set(hits.map((hit) => hit.closest('[data-label]')?.getAttribute('data-label'))).size)
    expect(paragraphs).toBeGreaterThan(1)

    await page.keyboard.press('Enter')
    await expect.poll(() => status(page).textContent()).toBe(`1 of ${total}`)
    await page.keyboard.press('Enter')
    await expect.poll(() => status(page).textContent()).toBe(`2 of ${total}`)
    await page.getByRole('button', { name: 'Previous match' }).click()
    await expect.poll(() => status(page).textContent()).toBe(`1 of ${total}`)
    await page.getByLabel('Find in text').press('Shift+Enter')
    await expect.poll(() => status(page).textContent()).toBe(`${total} of ${total}`)
    expect((await page.locator('.search-match--current').textContent())?.toLowerCase()).toBe(word)
    await expectNoAxeViolations(page)

    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('search').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Declaration text')
    expect((await page.evaluate(() => getSelection()?.toString()))?.toLowerCase()).toBe(word)
    expect(await page.locator('.search-match').count()).toBe(0)
  })

  it('a reader of read-only text reaches it with Tab and searches it with Ctrl+F too', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Siti Rahmawati')
    await openDeclaration(page, { editable: false })
    await page.setViewportSize({ width: 360, height: 740 })
    const total = await occurrences(page)
    let reachedText = false
    for (let presses = 0; presses < 20 && !reachedText; presses += 1) {
      await page.keyboard.press('Tab')
      reachedText = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Declaration text')
    }
    expect(reachedText).toBe(true)
    await page.keyboard.press('Control+f')
    await page.getByLabel('Find in text').fill(word)
    await page.keyboard.press('Enter')
    await expect.poll(() => status(page).textContent()).toBe(`1 of ${total}`)
    // At phone width the search and the text fit across the screen.
    const overflowing = await page.locator('.editor').evaluate((editor) =>
      [...editor.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > window.innerWidth).map((element) => element.outerHTML.slice(0, 60)),
    )
    expect(overflowing).toEqual([])
    await expectNoAxeViolations(page)
  })
})
