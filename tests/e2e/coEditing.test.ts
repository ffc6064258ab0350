import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../server/src/seed/demoAccounts.js'
import { caretAtEnd, caretAtStart, clause, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { startTestServer } from '../helpers/testServer.js'

const suite = browserSuite()

describe('co-editing in the browser', () => {
  it("two people type into the same paragraph at once and each sees both edits and the other's labelled caret", async () => {
    const aigerim = await openApp(suite.browser(), suite.server().url)
    await signInAs(aigerim, 'Ержан Нұрланұлы')
    await expectNoAxeViolations(aigerim)
    await openDeclaration(aigerim)
    const john = await openApp(suite.browser(), suite.server().url)
    await signInAs(john, 'James Whitfield')
    await openDeclaration(john)

    const original = await clauseText(aigerim, 'OP1')
    await caretAtEnd(aigerim, 'OP1')
    await caretAtStart(john, 'OP1')
    // Typed at once into one paragraph: neither caret may drift when the other's keystrokes arrive.
    await Promise.all([aigerim.keyboard.type(' ҚАЗАҚША kazakh', { delay: 15 }), john.keyboard.type('ENGLISH ', { delay: 15 })])

    for (const page of [aigerim, john]) {
      await expect.poll(() => clauseText(page, 'OP1')).toBe(`ENGLISH ${original} ҚАЗАҚША kazakh`)
    }
    await aigerim.locator('.collab-caret__label', { hasText: 'James Whitfield (United Kingdom)' }).waitFor()
    await john.locator('.collab-caret__label', { hasText: 'Ержан Нұрланұлы (Kazakhstan)' }).waitFor()
    await expect.poll(() => aigerim.getByRole('status').filter({ hasText: /saved/ }).textContent()).toBe('All changes saved')
    await john.getByText('All changes saved').waitFor()
    await expect.poll(() => aigerim.locator('.presence li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('James Whitfield (United Kingdom, Editor)'), expect.stringContaining('Ержан Нұрланұлы (Kazakhstan, Editor)')]),
    )
    await expectNoAxeViolations(aigerim)

    const text = await clauseText(john, 'OP1')
    expect(await clauseText(aigerim, 'OP1')).toBe(text)
    await john.reload()
    await john.locator('.declaration-text[contenteditable="true"]').waitFor()
    await expect.poll(() => clauseText(john, 'OP1')).toBe(text)
  })

  it('renumbers paragraphs on every screen when one is inserted', async () => {
    const first = await openApp(suite.browser(), suite.server().url)
    await signInAs(first, 'Chidinma Okafor')
    await openDeclaration(first)
    const second = await openApp(suite.browser(), suite.server().url)
    await signInAs(second, 'Aigerim Seitkali')
    await openDeclaration(second)
    const op2 = await clause(second, 'OP2').getAttribute('data-clause-id')

    await caretAtEnd(first, 'OP1')
    await first.keyboard.press('Enter')
    await first.keyboard.type('A new operative paragraph;')

    await expect.poll(() => clauseText(second, 'OP2')).toBe('A new operative paragraph;')
    await expect.poll(() => clause(second, 'OP3').getAttribute('data-clause-id')).toBe(op2)
    expect(await second.locator('.clause[data-label^="OP"]').count()).toBe(16)
  })

  it('works from the keyboard alone', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await page.getByLabel('Login').waitFor()
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    // Past the brand and the language list.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel('Login').getAttribute('id'))
    await page.keyboard.type('editor-nga')
    await page.keyboard.press('Tab')
    await page.keyboard.type(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Declarations' }).waitFor()
    for (let presses = 0; presses < 10; presses += 1) {
      await page.keyboard.press('Tab')
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Almaty Declaration on Inclusive Education') break
    }
    await page.keyboard.press('Enter')
    await page.getByText('All changes saved').waitFor()
    let reachedEditor = false
    for (let presses = 0; presses < 15 && !reachedEditor; presses += 1) {
      await page.keyboard.press('Tab')
      reachedEditor = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Declaration text')
    }
    expect(reachedEditor).toBe(true)
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Typed from the keyboard.')
    await expect.poll(() => clauseText(page, 'OP15')).toMatch(/Typed from the keyboard\.$/)
    await page.getByText('All changes saved').waitFor()
  })

  it('keeps editing offline, counts what waits, and merges when the server is back', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, '李伟')
    await openDeclaration(page)
    const { port, dataDir } = suite.server()
    await suite.server().close()
    await page.getByText(/^Offline, 0 changes waiting$/).waitFor()

    await caretAtStart(page, 'PP1')
    await page.keyboard.type('离线')
    await page.getByText(/^Offline, 2 changes waiting$/).waitFor()

    suite.replaceServer(await startTestServer({ dataDir, port }))
    await page.getByText('All changes saved').waitFor({ timeout: 15_000 })
    const other = await openApp(suite.browser(), suite.server().url)
    await signInAs(other, 'Siti Rahmawati')
    await openDeclaration(other, { editable: false })
    await expect.poll(() => clauseText(other, 'PP1')).toMatch(/^离线We, the participants/)
  })
})
