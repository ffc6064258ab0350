import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretClause, pressByKeyboard } from '../helpers/keyboard.js'
import { openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

describe('suggesting mode refuses what it cannot keep', () => {
  it('keeps a signatory’s struck words local and refuses a second paragraph until the first is submitted', async () => {
    const signatory = await openApp(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await openDeclaration(signatory, { editable: false })
    await pressByKeyboard(signatory, /^Suggesting/)
    await signatory.locator('.declaration-text[contenteditable="true"]').focus()
    await signatory.keyboard.press('Control+End')
    await signatory.keyboard.press('Backspace')
    await signatory.keyboard.press('Backspace')
    await expect.poll(() => signatory.locator('.suggestion-del').textContent()).toHaveLength(2)
    const first = await caretClause(signatory)
    await signatory.keyboard.press('Enter')
    await signatory.locator('.suggestion-bar__refused').getByText('A new paragraph is proposed with the “Propose for …” button above the text.').waitFor({ timeout: 10_000 })

    for (let step = 0; step < 30 && (await caretClause(signatory)) === first; step += 1) await signatory.keyboard.press('ArrowUp')
    expect(await caretClause(signatory)).toMatch(/^(OP|PP)\d+$/)
    await signatory.keyboard.type('x')
    await signatory.locator('.suggestion-bar__refused').getByText('Submit or discard your suggestion in the other paragraph first.').waitFor({ timeout: 10_000 })
    expect(await signatory.locator('.suggestion-ins').count()).toBe(0)
    // A change sent by a read-only signatory would close the socket ("Disconnected: …"): the words stayed in the page.
    await expect.poll(() => signatory.locator('.save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^Live:/)
  })
})
