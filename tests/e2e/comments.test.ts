import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { clause, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'

const suite = browserSuite()

const PAYLOAD = '<img src=x onerror="document.title=\'owned\'"> Replace this word, @signatory-pol'

async function openAs(name: string, editable: boolean): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}

const thread = (page: Page, quote: string) => page.locator('.thread', { hasText: quote })

describe('comment threads in the browser', () => {
  it('one delegate comments on a phrase, another sees it live, replies, and the author resolves it', async () => {
    const editor = await openAs('James Whitfield', true)
    const signatory = await openAs('Katarzyna Nowak', false)

    await clause(editor, 'OP2').getByText(/Resolve to remove/).dblclick({ position: { x: 30, y: 5 } })
    await expect.poll(() => editor.getByLabel('Comment on').locator('option').first().textContent()).toBe('Selected text in OP2: “Resolve”')
    await editor.getByLabel(/New comment/).fill(PAYLOAD)
    await editor.getByRole('button', { name: 'Add comment' }).click()

    await thread(signatory, '“Resolve”').waitFor()
    await expect.poll(() => thread(signatory, '“Resolve”').locator('.comment__body').textContent()).toBe(PAYLOAD)
    expect(await signatory.locator('.thread img').count()).toBe(0)
    expect(await signatory.title()).not.toBe('owned')
    await signatory.getByRole('button', { name: '1 unread mention' }).waitFor()
    await expect.poll(() => signatory.locator('.comment-anchor').textContent()).toBe('Resolve')
    await expect.poll(() => signatory.locator('.clause[data-label="OP2"]').getAttribute('data-threads')).toBe('1 comment')
    await expectNoAxeViolations(signatory)

    await thread(signatory, '“Resolve”').getByLabel('Reply').fill('Poland proposes “Undertake”.')
    await thread(signatory, '“Resolve”').getByRole('button', { name: 'Send reply' }).click()
    await thread(editor, '“Resolve”').getByText('Poland proposes “Undertake”.').waitFor()

    await thread(editor, '“Resolve”').getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => signatory.locator('.thread').count()).toBe(0)
    await signatory.getByLabel('Status').selectOption('resolved')
    await thread(signatory, '“Resolve”').getByRole('heading', { name: 'OP2 — Resolved' }).waitFor()
  })

  it('links a highlight and its thread both ways', async () => {
    const editor = await openAs('Chidinma Okafor', true)
    await clause(editor, 'OP4').getByText(/Call for the use/).dblclick({ position: { x: 10, y: 5 } })
    // The editor takes up the selection a moment after the browser makes it; the form must have it before focus leaves.
    await expect.poll(() => editor.getByLabel('Comment on').locator('option').first().textContent()).toBe('Selected text in OP4: “Call”')
    await editor.getByLabel(/New comment/).fill('Too strong?')
    await editor.getByRole('button', { name: 'Add comment' }).click()
    await thread(editor, 'Too strong?').waitFor()

    await editor.locator('.comment-anchor').click()
    await expect.poll(() => editor.evaluate(() => document.activeElement?.getAttribute('data-thread') !== null)).toBe(true)
    await thread(editor, 'Too strong?').getByRole('button', { name: 'Show in text' }).click()
    await editor.locator('.comment-anchor--active').waitFor()
    await expect.poll(() => editor.evaluate(() => window.getSelection()?.toString())).toBe('Call')
  })

  it('creates and answers a thread from the keyboard alone', async () => {
    const page = await openAs('Emily Carter', false)
    await page.getByLabel('Comment on').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.getByLabel('Comment on').inputValue()).not.toBe('selection')
    await page.keyboard.press('Tab')
    await page.keyboard.type('The United States asks for a definition.')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const card = thread(page, 'asks for a definition')
    await card.waitFor()
    await card.getByRole('heading', { name: 'PP2 — Open' }).waitFor()
    await card.getByRole('button', { name: 'Show in text' }).focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Answered from the keyboard.')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await card.getByText('Answered from the keyboard.').waitFor()
    await expectNoAxeViolations(page)
  })
})
