import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretClause, pressByKeyboard } from '../helpers/keyboard.js'
import { clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

async function openAs(name: string, editable: boolean): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}

const card = (page: Page, label: string) => page.locator(`.amendment[data-amendment="${label}"]`)

describe('proposing in the text in suggesting mode', () => {
  it('Kazakhstan types an insertion in place, Poland supports it, the compilation DOCX has it as a Word insertion by Kazakhstan, the chair accepts it, an observer sees the text change; all by keyboard', async () => {
    const kazakh = await openAs('Ержан Нұрланұлы', true)
    const signatory = await openAs('Katarzyna Nowak', false)
    const chair = await openAs('Aigerim Seitkali', true)
    const observer = await openAs('Siti Rahmawati', false)

    await pressByKeyboard(kazakh, /^Suggesting/)
    expect(await kazakh.getByRole('button', { name: /^Suggesting/ }).getAttribute('aria-pressed')).toBe('true')
    await kazakh.locator('.declaration-text').focus()
    await kazakh.keyboard.press('Control+End')
    const paragraph = await caretClause(kazakh)
    expect(paragraph).toMatch(/^OP\d+$/)
    const before = await clauseText(observer, paragraph)
    await kazakh.keyboard.type(' және қыздар')
    await kazakh.keyboard.press('Backspace')
    await kazakh.keyboard.type('р and girls')

    await expect.poll(() => kazakh.locator('.suggestion-ins').textContent()).toBe(' және қыздар and girls')
    expect(await kazakh.locator('.suggestion-code').textContent()).toBe('KAZ suggests')
    await kazakh.getByRole('form', { name: `Your suggestion in ${paragraph}` }).getByText('[+ және қыздар and girls +]').waitFor()
    await kazakh.getByText('All changes saved').waitFor()
    expect(await clauseText(chair, paragraph)).toBe(before)
    await expectNoAxeViolations(kazakh)

    await kazakh.getByLabel('Justification (optional)').focus()
    await kazakh.keyboard.type('Girls are too often left out.')
    await kazakh.keyboard.press('Tab')
    await kazakh.keyboard.press('Enter')
    await kazakh.getByText(`Your amendment on ${paragraph} was submitted.`).waitFor()
    expect(await kazakh.locator('.suggestion-ins').count()).toBe(0)

    await pressByKeyboard(signatory, /^Amendments/)
    await card(signatory, 'A1').waitFor()
    expect(await card(signatory, 'A1').locator('.amendment__summary').textContent()).toBe("proposed by Kazakhstan: insert ' және қыздар and girls'")
    await pressByKeyboard(signatory, 'Support')
    await pressByKeyboard(chair, /^Amendments/)
    await expect.poll(() => card(chair, 'A1').locator('.amendment__summary').textContent()).toMatch(/supported by Poland/)
    // The compilation's DOCX has the pending amendment as a Word insertion by Kazakhstan, worded as the panel words it.
    const summary = (await card(chair, 'A1').locator('.amendment__summary').textContent()) ?? ''
    const docx = await observer.request.get(`${suite.server().url}/api/declarations/almaty-declaration/compilation.docx`)
    expect(docx.status()).toBe(200)
    const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string')
    expect(xml).toContain(`A1, ${summary}`.replaceAll("'", '&apos;'))
    expect(xml).toMatch(/<w:ins [^>]*w:author="Kazakhstan"[^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*> және қыздар and girls<\/w:t>/)
    await pressByKeyboard(chair, 'Accept A1')

    await pressByKeyboard(observer, /^Amendments/)
    await observer.getByLabel('Status').selectOption('all')
    await expect.poll(() => card(observer, 'A1').getByRole('heading').textContent()).toBe(`A1 on ${paragraph} — Accepted`)
    await expect.poll(() => clauseText(observer, paragraph)).toBe(`${before} және қыздар and girls`)
    await expectNoAxeViolations(observer)
  })
})
