import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import { spanAt } from '../helpers/amendments.js'
import { proposeOverApi } from '../helpers/apiProposals.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { clauseText as storedClauseText } from '../helpers/declarationText.js'
import { caretClause, pressByKeyboard } from '../helpers/keyboard.js'
import { clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const WORDS = ' және қыздар and girls'
const JUSTIFICATION = 'Girls are too often left out.'

async function openAs(name: string, editable: boolean): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}

/** Kazakhstan's insertion at the end of the last paragraph, as typing it in suggesting mode and submitting proposes it; with that paragraph's text before it. */
async function proposeInsertion(): Promise<{ amendment: AmendmentView; before: string }> {
  let before = ''
  const amendment = await proposeOverApi(suite.server(), 'editor-kaz', -1, (fragment, index) => {
    before = storedClauseText(fragment, index).toString()
    return spanAt(fragment, index, before.length, before.length, WORDS)
  }, JUSTIFICATION)
  return { amendment, before }
}

/** The paragraph an amendment's card heading names. */
async function paragraphOf(page: Page, label: string): Promise<string> {
  const heading = (await card(page, label).getByRole('heading').textContent()) ?? ''
  return /on (\w+) —/.exec(heading)?.[1] ?? ''
}

const card = (page: Page, label: string) => page.locator(`.amendment[data-amendment="${label}"]`)

describe('proposing in the text in suggesting mode', () => {
  it('Kazakhstan types an insertion in place and submits it by keyboard; the text is unchanged for others until then and the amendment is listed as an insertion', async () => {
    const kazakh = await openAs('Ержан Нұрланұлы', true)
    const signatory = await openAs('Katarzyna Nowak', false)

    await pressByKeyboard(kazakh, /^Suggesting/)
    expect(await kazakh.getByRole('button', { name: /^Suggesting/ }).getAttribute('aria-pressed')).toBe('true')
    await kazakh.locator('.declaration-text').focus()
    await kazakh.keyboard.press('Control+End')
    const paragraph = await caretClause(kazakh)
    expect(paragraph).toMatch(/^OP\d+$/)
    const before = await clauseText(signatory, paragraph)
    await kazakh.keyboard.type(' және қыздар')
    await kazakh.keyboard.press('Backspace')
    await kazakh.keyboard.type('р and girls')

    await expect.poll(() => kazakh.locator('.suggestion-ins').textContent()).toBe(WORDS)
    expect(await kazakh.locator('.suggestion-code').textContent()).toBe('KAZ suggests')
    await kazakh.getByRole('form', { name: `Your suggestion in ${paragraph}` }).getByText(`[+${WORDS} +]`).waitFor()
    await kazakh.getByText('All changes saved').waitFor()
    expect(await clauseText(signatory, paragraph)).toBe(before)
    await expectNoAxeViolations(kazakh)

    await kazakh.getByLabel('Justification (optional)').focus()
    await kazakh.keyboard.type(JUSTIFICATION)
    await kazakh.keyboard.press('Tab')
    await kazakh.keyboard.press('Enter')
    await kazakh.getByText(`Your amendment on ${paragraph} was submitted.`).waitFor()
    expect(await kazakh.locator('.suggestion-ins').count()).toBe(0)

    await pressByKeyboard(signatory, /^Amendments/)
    await card(signatory, 'A1').waitFor()
    expect(await card(signatory, 'A1').locator('.amendment__summary').textContent()).toBe(`proposed by Kazakhstan: insert '${WORDS}'`)
    expect(await paragraphOf(signatory, 'A1')).toBe(paragraph)
  })

  it('Poland supports the insertion by keyboard; the compilation DOCX has it as a Word insertion by Kazakhstan, worded as the panel words it', async () => {
    await proposeInsertion()
    const signatory = await openAs('Katarzyna Nowak', false)
    const chair = await openAs('Aigerim Seitkali', true)

    await pressByKeyboard(signatory, /^Amendments/)
    await card(signatory, 'A1').waitFor()
    await pressByKeyboard(signatory, 'Support')
    await pressByKeyboard(chair, /^Amendments/)
    await expect.poll(() => card(chair, 'A1').locator('.amendment__summary').textContent()).toMatch(/supported by Poland/)
    const summary = (await card(chair, 'A1').locator('.amendment__summary').textContent()) ?? ''
    const docx = await signatory.request.get(`${suite.server().url}/api/declarations/almaty-declaration/compilation.docx`)
    expect(docx.status()).toBe(200)
    const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string')
    expect(xml).toContain(`A1, ${summary}`.replaceAll("'", '&apos;'))
    expect(xml).toMatch(new RegExp(`<w:ins [^>]*w:author="Kazakhstan"[^>]*>(?:(?!</w:ins>).)*<w:t[^>]*>${WORDS}</w:t>`))
  })

  it('the chair accepts the insertion by keyboard and an observer sees it accepted and the text changed', async () => {
    const { before } = await proposeInsertion()
    const chair = await openAs('Aigerim Seitkali', true)
    const observer = await openAs('Siti Rahmawati', false)

    await pressByKeyboard(chair, /^Amendments/)
    await card(chair, 'A1').waitFor()
    const paragraph = await paragraphOf(chair, 'A1')
    await pressByKeyboard(chair, 'Accept A1')

    await pressByKeyboard(observer, /^Amendments/)
    await observer.getByLabel('Status').selectOption('all')
    await expect.poll(() => card(observer, 'A1').getByRole('heading').textContent()).toBe(`A1 on ${paragraph} — Accepted`)
    await expect.poll(() => clauseText(observer, paragraph)).toBe(`${before}${WORDS}`)
    await expectNoAxeViolations(observer)
  })
})
