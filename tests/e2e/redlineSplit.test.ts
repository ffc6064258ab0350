import { describe, expect, it } from 'vitest'
import { caretAtEnd, caretAtStart, clause, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretSettled, editorCaret } from '../helpers/editorCaret.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()

describe('splits and merges in the redline', () => {
  it('shows a paragraph split with Enter as a split, and joined again with Backspace as a merge', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    const editor = await openApp(suite.browser(), suite.server().url)
    await signInAs(editor, 'James Whitfield')
    await openDeclaration(editor)
    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Zero draft')

    await caretAtEnd(editor, 'OP1')
    // Keys pressed before the editor holds the caret at the end would split elsewhere, or add an empty paragraph.
    await caretSettled(editor, 'clause', 'end')
    for (let word = 0; word < 3; word += 1) await editor.keyboard.press('Control+ArrowLeft')
    await expect.poll(async () => (await editorCaret(editor)).offset < (await editorCaret(editor)).size).toBe(true)
    await editor.keyboard.press('Enter')
    // The server labels the new half when the split reaches it; "saved" alone may still be the state before Enter.
    await clause(editor, 'OP1bis').waitFor()
    await editor.getByText('All changes saved').waitFor()
    await freezeOnVersionsPage(chair, 'Rev.1')
    await chair.getByRole('button', { name: 'Changes from Zero draft' }).click()
    // After the zero draft a label holds for the round: the new second half is OP1bis.
    await chair.getByText('Summary: OP1 split into OP1 and OP1bis.').waitFor()
    const split = chair.locator('.redline__paragraph--split')
    await expect.poll(() => split.textContent()).toMatch(/^OP1bis Split from OP1: this text was the end of OP1/)
    expect(await split.locator('ins, del').count()).toBe(0)
    expect(await chair.locator('.redline__paragraph ins, .redline__paragraph del').count()).toBe(0)
    await expectNoAxeViolations(chair)

    const clauses = await editor.locator('.clause').count()
    await caretAtStart(editor, 'OP1bis')
    await caretSettled(editor, 'clause', 'start')
    await editor.keyboard.press('Backspace')
    // "All changes saved" still shows from before the key: wait for the merge itself, then for it to be saved.
    await expect.poll(() => editor.locator('.clause').count()).toBe(clauses - 1)
    await editor.getByText('All changes saved').waitFor()
    await freezeOnVersionsPage(chair, 'Rev.2')
    await chair.getByRole('button', { name: 'Changes from Rev.1' }).click()
    await chair.getByText('Summary: OP1bis (old numbering) merged into OP1.').waitFor()
    await expect.poll(() => chair.locator('.redline__paragraph--merged').textContent()).toBe('OP1bis Merged into OP1: its text now ends OP1')
    await chair.getByText('Merged: OP1bis (old numbering) now ends this paragraph').waitFor()
    await expectNoAxeViolations(chair)
  })
})
