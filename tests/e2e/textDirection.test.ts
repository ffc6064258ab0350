import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled } from '../helpers/editorCaret.js'
import { caretAtEnd, clause, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { commentOnParagraph } from '../helpers/threads.js'

const suite = browserSuite()
const arabic = 'نلتزم بتعليم شامل للجميع.'

describe('right-to-left text in the editor', () => {
  it('an Arabic paragraph reads right to left with its full stop at its left end, beside left-to-right ones', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    await caretAtEnd(page, 'OP1')
    await caretSettled(page, 'clause', 'end')
    await page.keyboard.press('Enter')
    await page.keyboard.type(arabic)
    await expect.poll(() => clauseText(page, 'OP2')).toBe(arabic)

    expect(await clause(page, 'OP2').getAttribute('dir')).toBe('auto')
    expect(await clause(page, 'OP2').evaluate((element) => element.matches(':dir(rtl)'))).toBe(true)
    expect(await clause(page, 'OP1').evaluate((element) => element.matches(':dir(ltr)'))).toBe(true)
    expect(await page.locator('.declaration-title').getAttribute('dir')).toBe('auto')
    // In a right-to-left paragraph the first letter sits at the right and the final full stop at the far left.
    const [first, stop] = await clause(page, 'OP2').evaluate((element) => {
      const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent)!
      const at = (offset: number) => {
        const range = document.createRange()
        range.setStart(text, offset)
        range.setEnd(text, offset + 1)
        return range.getBoundingClientRect().left
      }
      return [at(0), at(text.textContent!.length - 1)]
    })
    expect(stop).toBeLessThan(first!)
    await page.getByText('All changes saved').waitFor()
    await expectNoAxeViolations(page)
  })

  it('an Arabic comment reads right to left in the side panel, and the fields for comments take either direction', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    await commentOnParagraph(page, suite.server().url, 'PP1', arabic)
    const body = page.locator('.comment__body', { hasText: arabic })
    await body.waitFor()
    expect(await body.getAttribute('dir')).toBe('auto')
    expect(await body.evaluate((element) => element.matches(':dir(rtl)'))).toBe(true)
    expect(await page.locator('.thread', { hasText: arabic }).getByLabel('Reply', { exact: true }).getAttribute('dir')).toBe('auto')
    await expectNoAxeViolations(page)
  })
})
