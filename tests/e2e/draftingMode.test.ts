import * as decoding from 'lib0/decoding'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmDialog } from '../helpers/confirmDialog.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { expectNoSidewaysScroll, isOnScreen, openOnPhone } from '../helpers/layout.js'
import { recordAnnouncements } from '../helpers/liveRegions.js'
import { caretAtEnd, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'

const suite = browserSuite()
const OPEN = 'Drafting mode: Open drafting (editors type in the text)'
const NEGOTIATION = 'Drafting mode: Negotiation (the text changes only through amendments)'

async function openAs(name: string, editable: boolean, page?: Page): Promise<Page> {
  const opened = page ?? (await openApp(suite.browser(), suite.server().url))
  await signInAs(opened, name)
  await openDeclaration(opened, { editable })
  return opened
}

const modeStatus = (page: Page) => page.locator('.drafting-mode__status')

/** True for a server frame that tells the page the drafting mode. */
function isModeFrame(message: string | Buffer): boolean {
  if (typeof message === 'string') return false
  const decoder = decoding.createDecoder(new Uint8Array(message))
  if (decoding.readVarUint(decoder) !== MessageType.control) return false
  try {
    return decodeControl(decoder, ServerControlMessage).type === 'mode'
  } catch {
    return false
  }
}

describe('the drafting mode', () => {
  it('the chair switches to negotiation by keyboard after confirming; every page, a phone included, shows it live, and the editor is left to suggest', async () => {
    const editor = await openAs('James Whitfield', true)
    const observer = await openAs('Siti Rahmawati', false, await openOnPhone(suite.browser(), suite.server().url))
    const chair = await openAs('Aigerim Seitkali', true)
    for (const page of [editor, observer, chair]) await expect.poll(() => modeStatus(page).textContent()).toBe(OPEN)
    expect(await editor.getByRole('button', { name: /^Switch to/ }).count()).toBe(0)
    expect(await observer.getByRole('button', { name: /^Switch to/ }).count()).toBe(0)

    await pressByKeyboard(chair, 'Switch to negotiation…')
    await confirmDialog(chair).getByRole('heading', { name: 'Switch to negotiation?' }).waitFor()
    await expectNoAxeViolations(chair)
    await chair.keyboard.press('Tab')
    expect(await chair.evaluate(() => document.activeElement?.textContent)).toBe('Switch to negotiation')
    await chair.keyboard.press('Enter')
    await confirmDialog(chair).waitFor({ state: 'detached' })

    for (const page of [editor, observer, chair]) await expect.poll(() => modeStatus(page).textContent()).toBe(NEGOTIATION)
    await chair.getByRole('button', { name: 'Switch to open drafting…' }).waitFor()
    const suggesting = editor.getByRole('button', { name: /^Suggesting/ })
    await expect.poll(() => suggesting.getAttribute('aria-pressed')).toBe('true')
    expect(await suggesting.isDisabled()).toBe(true)
    expect(await isOnScreen(modeStatus(observer))).toBe(true)
    await expectNoSidewaysScroll(observer)
    await expectNoAxeViolations(editor)
    await expectNoAxeViolations(observer)
  })

  it('every page announces the switch once in a polite live region, an editor\'s page too though it reconnects with its new rights', async () => {
    const editor = await openAs('James Whitfield', true)
    const observer = await openAs('Siti Rahmawati', false)
    const chair = await openAs('Aigerim Seitkali', true)
    const pages = [editor, observer, chair]
    for (const page of pages) await expect.poll(() => modeStatus(page).textContent()).toBe(OPEN)
    const said = await Promise.all(pages.map((page) => recordAnnouncements(page)))

    await pressByKeyboard(chair, 'Switch to negotiation…')
    await confirmDialog(chair).getByRole('button', { name: 'Switch to negotiation' }).click()
    for (const page of pages) await expect.poll(() => modeStatus(page).textContent()).toBe(NEGOTIATION)
    await editor.getByRole('button', { name: /^Suggesting/ }).and(editor.locator('[aria-pressed="true"]')).waitFor()
    for (const announcements of said) {
      await expect.poll(async () => (await announcements()).filter((words) => /negotiation/i.test(words))).toEqual(['The drafting mode is now negotiation: the text changes only through amendments.'])
    }
    await expectNoAxeViolations(editor)
  })

  it('a keystroke the switch to negotiation caught is kept as a shown draft, never lost, and the text stays the server\'s', async () => {
    const chair = await startSession(suite.server().url, 'chair')
    const page = await openApp(suite.browser(), suite.server().url)
    // The switch's notice and the server's close are held back from this page, so it still types as in open drafting.
    let hold = true
    let heldModes = 0
    const heldCloses: (() => Promise<void>)[] = []
    await page.routeWebSocket(/\/sync\//, (route) => {
      const server = route.connectToServer()
      server.onMessage((message) => {
        if (hold && isModeFrame(message)) heldModes += 1
        else route.send(message)
      })
      server.onClose((code, reason) => {
        const close = () => route.close({ code, reason })
        if (hold) heldCloses.push(close)
        else void close()
      })
    })
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    await expect.poll(() => modeStatus(page).textContent()).toBe(OPEN)
    const original = await clauseText(page, 'OP3')

    expect((await api(suite.server().url, 'PUT', '/api/declarations/almaty-declaration/mode', { token: chair, body: { mode: 'negotiation' } })).status).toBe(200)
    await expect.poll(() => heldModes + heldCloses.length).toBe(2)
    await caretAtEnd(page, 'OP3')
    await page.keyboard.insertText(' Қосымша сөз')
    await expect.poll(() => clauseText(page, 'OP3')).toBe(`${original} Қосымша сөз`)
    hold = false
    for (const close of heldCloses) await close()

    const notice = page.getByRole('region', { name: 'Your unsent words' })
    await notice.getByRole('alert').filter({ hasText: 'only amendments change the text' }).waitFor()
    await expect.poll(() => notice.locator('li').allTextContents()).toEqual([`OP3${original} Қосымша сөз`])
    expect(await notice.locator('li [dir="auto"]').count()).toBe(1)
    await expect.poll(() => clauseText(page, 'OP3')).toBe(original)
    await expect.poll(() => modeStatus(page).textContent()).toBe(NEGOTIATION)
    await expectNoAxeViolations(page)
    // Kept across a reload, until dismissed.
    await page.reload()
    await page.getByRole('region', { name: 'Your unsent words' }).getByText(`${original} Қосымша сөз`).waitFor()
  })
})
