import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled } from '../helpers/editorCaret.js'
import { docxToHtml, hasLibreOffice } from '../helpers/officeHtml.js'
import { caretAtEnd, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] })
}

const noteText = 'Convention on the Rights of Persons with Disabilities, art. 24'

/** A short Word document with what delegations really paste: a heading, formatting, a footnote, a table, an image, a list. */
const wordDocument = new Document({
  footnotes: { 1: { children: [new Paragraph(noteText)] } },
  sections: [
    {
      children: [
        new Paragraph({ text: 'Access to schools', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({
          children: [
            new TextRun('Recalling the '),
            new TextRun({ text: 'Salamanca', bold: true }),
            new TextRun({ text: ' Statement', underline: {} }),
            new TextRun({ text: '1', superScript: true }),
            new FootnoteReferenceRun(1),
            new TextRun(' of '),
            new ExternalHyperlink({ link: 'https://example.org/salamanca', children: [new TextRun('UNESCO')] }),
          ],
        }),
        new Table({
          rows: [new TableRow({ children: [cell('Қазақстан'), cell('40%')] }), new TableRow({ children: [cell('Кыргызстан'), cell('35%')] })],
        }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: onePixelPng, transformation: { width: 20, height: 20 } })] }),
        new Paragraph('Text after the image'),
        new Paragraph({ text: 'First sub-item', bullet: { level: 0 } }),
        new Paragraph({ text: 'Second sub-item', bullet: { level: 0 } }),
      ],
    },
  ],
})

/** Pastes at the caret the way the browser does for a paste from the clipboard. */
function paste(page: Page, content: { html?: string; text: string }): Promise<void> {
  return page.evaluate((pasted) => {
    const data = new DataTransfer()
    if (pasted.html) data.setData('text/html', pasted.html)
    data.setData('text/plain', pasted.text)
    document.querySelector('.declaration-text')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, content)
}

/** The top-level blocks of the text from the one starting with `first`, as tag and text. */
function blocksFrom(page: Page, first: string): Promise<string[]> {
  return page.locator('.declaration-text').evaluate((root, start) => {
    const blocks = [...root.children].map((element) => `${element.tagName.toLowerCase()}${element.getAttribute('data-label') ?? ''}: ${element.textContent ?? ''}`)
    const index = blocks.findIndex((block) => block.endsWith(`: ${start}`))
    return index < 0 ? blocks : blocks.slice(index, index + 6)
  }, first)
}

describe('pasting from Word', () => {
  it.skipIf(!hasLibreOffice)('maps headings, paragraphs, a table and a list onto the declaration and says what was not kept', async () => {
    const html = await docxToHtml(wordDocument)
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    const op1 = await clauseText(page, 'OP1')
    await caretAtEnd(page, 'OP1')
    await caretSettled(page, 'clause', 'end')
    await page.keyboard.press('Enter')
    await paste(page, { html, text: 'plain text fallback' })

    await expect.poll(() => blocksFrom(page, 'Access to schools')).toEqual([
      'h2: Access to schools',
      'pOP2: Recalling the Salamanca Statement1 of UNESCO',
      'pOP3: Қазақстан | 40%',
      'pOP4: Кыргызстан | 35%',
      'pOP5: Text after the image',
      'ul: First sub-itemSecond sub-item',
    ])
    expect(await clauseText(page, 'OP1')).toBe(op1)
    expect(await page.locator('.declaration-text ul li ul').count()).toBe(0)
    expect(await page.locator('.declaration-text strong', { hasText: 'Salamanca' }).count()).toBe(1)
    // The footnote is a note of the clause it was in, not a paragraph of its own.
    expect(await page.locator('.clause[data-label="OP2"] .footnote').getAttribute('data-note')).toBe(noteText)
    expect(await page.locator('.notes li span').allTextContents()).toEqual([noteText])
    expect(await page.locator('.clause', { hasText: noteText }).count()).toBe(0)
    const notice = page.locator('.paste-notice')
    expect(await notice.getAttribute('role')).toBe('status')
    for (const loss of ['underline', 'superscript', 'links', 'images', 'table layout']) await expect.poll(() => notice.textContent()).toContain(loss)
    await page.getByText('All changes saved').waitFor()
    await expectNoAxeViolations(page)
  })

  it.skipIf(!hasLibreOffice)('pasted into the title, the same document becomes one line of the title and no clause', async () => {
    const html = await docxToHtml(new Document({ sections: [{ children: [new Paragraph({ text: 'on Inclusive', heading: HeadingLevel.HEADING_1 }), new Paragraph('Education')] }] }))
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Chidinma Okafor')
    await openDeclaration(page)
    const clauses = await page.locator('.clause').count()
    const pp1 = await clauseText(page, 'PP1')
    await page.locator('.declaration-title').click()
    await page.keyboard.press('End')
    await caretSettled(page, 'title', 'end')
    await page.keyboard.type(' ')
    await paste(page, { html, text: 'plain text fallback' })

    await expect.poll(() => page.locator('.declaration-title').textContent()).toBe('Almaty Declaration on Inclusive Education on Inclusive Education')
    expect(await page.locator('.clause').count()).toBe(clauses)
    expect(await clauseText(page, 'PP1')).toBe(pp1)
    await expect.poll(() => page.locator('.paste-notice').textContent()).toContain('paragraph breaks')
  })

  it('plain text lines become paragraphs of the kind at the caret, never sub-items, and one line in the title', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    const clauses = await page.locator('.clause').count()
    await caretAtEnd(page, 'PP1')
    await caretSettled(page, 'clause', 'end')
    await page.keyboard.press('Enter')
    await paste(page, { text: 'Noting the first line,\r\n\r\nNoting the second line,\nNoting a third,' })

    await expect.poll(() => blocksFrom(page, 'Noting the first line,')).toEqual([
      'pPP2: Noting the first line,',
      'pPP3: Noting the second line,',
      'pPP4: Noting a third,',
      expect.stringMatching(/^pPP5: /),
      expect.stringMatching(/^pPP6: /),
      expect.stringMatching(/^pPP7: /),
    ])
    expect(await page.locator('.declaration-text > ul, .declaration-text > ol').count()).toBe(0)

    await page.locator('.declaration-title').click()
    await page.keyboard.press('End')
    await caretSettled(page, 'title', 'end')
    await page.keyboard.type(' ')
    await paste(page, { text: '2026\n(draft)' })
    await expect.poll(() => page.locator('.declaration-title').textContent()).toBe('Almaty Declaration on Inclusive Education 2026 (draft)')
    expect(await page.locator('.clause').count()).toBe(clauses + 3)
  })
})
