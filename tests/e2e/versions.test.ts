import { describe, expect, it } from 'vitest'
import { caretAtEnd, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmInDialog } from '../helpers/confirmDialog.js'
import { untilServerHasEdit } from '../helpers/liveEdits.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()

describe('versions in the browser', () => {
  it('a moderator freezes rounds, reads the redline, and locks the final text; an editor sees the lock', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    const editor = await openApp(suite.browser(), suite.server().url)
    await signInAs(editor, 'James Whitfield')
    await openDeclaration(editor)

    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Zero draft')
    await expectNoAxeViolations(chair)

    await caretAtEnd(editor, 'OP1')
    await editor.keyboard.type(' Amended in Almaty.')
    // The next freeze takes the server's text: wait until the edit has reached it.
    await untilServerHasEdit(suite.server().url, 'almaty-declaration', 'OP1 changed.')

    await freezeOnVersionsPage(chair, 'Final text')
    await chair.getByRole('button', { name: 'Changes from Zero draft' }).click()
    await chair.getByText('Summary: OP1 changed.').waitFor()
    await expect.poll(() => chair.locator('.redline__paragraph ins').first().textContent()).toBe('[inserted:  Amended in Almaty.]')
    await expectNoAxeViolations(chair)
    const hash = await chair.locator('tr', { hasText: 'Final text' }).locator('code').textContent()
    expect(hash).toMatch(/^[0-9a-f]{64}$/)

    await chair.getByRole('button', { name: 'Lock for signature' }).click()
    await confirmInDialog(chair, 'Lock for signature')
    await chair.getByText('The draft is locked for signature on “Final text”.').waitFor()
    await editor.getByText(/Locked for signature/).waitFor()
    await editor.locator('.declaration-text[contenteditable="false"]').waitFor()
    expect(await editor.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0)

    await chair.getByText('The hash chain is intact.').waitFor()
    await expect.poll(() => chair.locator('.audit-log__what').allTextContents()).toEqual([
      expect.stringContaining('Froze version 1 “Zero draft”'),
      expect.stringContaining('Froze version 2 “Final text”'),
      expect.stringContaining('Locked the draft for signature on version 2 “Final text”'),
    ])
    await chair.getByLabel('From', { exact: true }).selectOption({ label: '1. Zero draft' })
    // Against the live draft, so the heading waited for is this comparison's and not the one shown before it.
    await chair.getByLabel('To', { exact: true }).selectOption({ label: 'The live draft' })
    await chair.getByRole('button', { name: 'Show the redline' }).click()
    await chair.getByRole('heading', { name: 'Changes from “Zero draft” to the live draft' }).waitFor()
    await chair.getByText('Summary: OP1 changed.').waitFor()

    await chair.getByRole('button', { name: 'View Final text' }).click()
    await chair.getByRole('heading', { name: '“Final text” (read-only)' }).waitFor()
    await expect.poll(() => chair.locator('.version-text .clause[data-label="OP1"]').textContent()).toMatch(/Amended in Almaty\.$/)
  })
})
