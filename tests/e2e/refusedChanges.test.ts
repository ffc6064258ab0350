import * as decoding from 'lib0/decoding'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretAtEnd, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'

const suite = browserSuite()
const VERSIONS = '/api/declarations/almaty-declaration/versions'

/** True for a server frame that tells the page the draft is locked. */
function isLockFrame(message: string | Buffer): boolean {
  if (typeof message === 'string') return false
  const decoder = decoding.createDecoder(new Uint8Array(message))
  if (decoding.readVarUint(decoder) !== MessageType.control) return false
  try {
    return decodeControl(decoder, ServerControlMessage).type === 'lock'
  } catch {
    return false
  }
}

/** A reader on another screen, to prove that what was saved reaches others. */
async function otherReader(): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, 'Siti Rahmawati')
  await openDeclaration(page, { editable: false })
  return page
}

describe('refused and oversized changes in the browser', () => {
  it('refuses a paste over 1 MiB in the editor with the size allowed, and typing goes on and is saved', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    const before = await clauseText(page, 'OP2')
    await caretAtEnd(page, 'OP2')
    await page.locator('.declaration-text').evaluate((editor) => {
      const data = new DataTransfer()
      data.setData('text/plain', 'Инклюзивное образование 包容性教育 '.repeat(40_000))
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await page.getByRole('alert').filter({ hasText: /That paste is too large to add: it is [\d.]+ MiB, and at most 1 MiB can be added at once/ }).waitFor()
    expect(await clauseText(page, 'OP2')).toBe(before)
    await expectNoAxeViolations(page)

    await page.keyboard.type(' Still typing.')
    await page.getByText('All changes saved').waitFor()
    const reader = await otherReader()
    await expect.poll(() => clauseText(reader, 'OP2')).toBe(`${before} Still typing.`)
    await page.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('turns a change the server refused (caught by the lock) into a shown draft, and later typing is saved and reaches others', async () => {
    const chair = await startSession(suite.server().url, 'chair')
    const page = await openApp(suite.browser(), suite.server().url)
    // The lock's notice is held back from this page, so its next keystroke reaches the server after the lock.
    let holdLock = true
    let heldLocks = 0
    await page.routeWebSocket(/\/sync\//, (route) => {
      const server = route.connectToServer()
      server.onMessage((message) => {
        if (holdLock && isLockFrame(message)) heldLocks += 1
        else route.send(message)
      })
    })
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    const original = await clauseText(page, 'OP3')

    const frozen = await api(suite.server().url, 'POST', VERSIONS, { token: chair, body: { name: 'Final text' } })
    const { id } = (frozen.body as { version: { id: string } }).version
    expect((await api(suite.server().url, 'POST', `${VERSIONS}/${id}/lock`, { token: chair })).status).toBe(200)
    await expect.poll(() => heldLocks).toBe(1)
    await caretAtEnd(page, 'OP3')
    holdLock = false
    await page.keyboard.insertText(' Қосымша сөз')

    const notice = page.getByRole('region', { name: 'Your unsent words' })
    await notice.getByRole('alert').filter({ hasText: 'locked for signature' }).waitFor()
    await expect.poll(() => notice.locator('li').allTextContents()).toEqual([`OP3${original} Қосымша сөз`])
    expect(await notice.locator('li [dir="auto"]').count()).toBe(1)
    // The page shows the server's text again, and the lock.
    await expect.poll(() => clauseText(page, 'OP3')).toBe(original)
    await page.getByText(/Locked for signature/).waitFor()
    await expectNoAxeViolations(page)

    // Kept until dismissed, also across a reload.
    await page.reload()
    await page.getByRole('region', { name: 'Your unsent words' }).getByText(`${original} Қосымша сөз`).waitFor()

    expect((await api(suite.server().url, 'POST', `${VERSIONS}/unlock`, { token: chair, body: { name: 'Rev.2' } })).status).toBe(201)
    await page.locator('.declaration-text[contenteditable="true"]').waitFor()
    await caretAtEnd(page, 'OP3')
    await page.keyboard.type(' Typed after.')
    await page.getByText('All changes saved').waitFor()
    const reader = await otherReader()
    await expect.poll(() => clauseText(reader, 'OP3')).toBe(`${original} Typed after.`)
    await page.getByRole('region', { name: 'Your unsent words' }).getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByRole('region', { name: 'Your unsent words' }).count()).toBe(0)
    await page.reload()
    await page.getByText('All changes saved').waitFor()
    expect(await page.getByRole('region', { name: 'Your unsent words' }).count()).toBe(0)
  })

  it('treats a 1009 close (a frame too large) like a refused change: the words become a draft and typing goes on', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    let refuseOnce = true
    // Stands in for the server's answer to a frame over its limit, for the one frame carrying these words.
    await page.routeWebSocket(/\/sync\//, (route) => {
      const server = route.connectToServer()
      route.onMessage((message) => {
        if (refuseOnce && typeof message !== 'string' && message.includes('TOO LARGE')) {
          refuseOnce = false
          void route.close({ code: 1009, reason: 'The change is too large to save.' })
          return
        }
        server.send(message)
      })
    })
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    const original = await clauseText(page, 'OP6')
    await caretAtEnd(page, 'OP6')
    await page.keyboard.insertText(' TOO LARGE 大')

    const notice = page.getByRole('region', { name: 'Your unsent words' })
    await notice.getByRole('alert').filter({ hasText: 'too large to save' }).waitFor()
    await expect.poll(() => notice.locator('li').allTextContents()).toEqual([`OP6${original} TOO LARGE 大`])
    await expect.poll(() => clauseText(page, 'OP6')).toBe(original)
    await page.locator('.declaration-text[contenteditable="true"]').waitFor()
    await caretAtEnd(page, 'OP6')
    await page.keyboard.type(' Then this.')
    await page.getByText('All changes saved').waitFor()
    const reader = await otherReader()
    await expect.poll(() => clauseText(reader, 'OP6')).toBe(`${original} Then this.`)
    await expectNoAxeViolations(page)
  })

  it('shows "Offline" as soon as the browser is offline, and says how many offline changes were merged', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Chidinma Okafor')
    await openDeclaration(page)
    await caretAtEnd(page, 'OP4')
    await page.context().setOffline(true)
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor({ timeout: 3000 })
    await page.keyboard.type('12345')
    await page.getByText(/^Offline, 5 changes waiting$/).waitFor()
    await expectNoAxeViolations(page)

    await page.context().setOffline(false)
    await page.getByRole('status').filter({ hasText: 'All changes saved. Your 5 offline changes were merged.' }).waitFor({ timeout: 15_000 })
    const reader = await otherReader()
    await expect.poll(() => clauseText(reader, 'OP4')).toMatch(/12345$/)
  })

  it('merges offline edits that add up to more than 1 MiB when the browser is back online', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Chidinma Okafor')
    await openDeclaration(page)
    await page.context().setOffline(true)
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor({ timeout: 3000 })
    const part = 'Білім беру барлығы үшін 教育 التعليم '.repeat(5_000)
    for (let paragraph = 1; paragraph <= 6; paragraph += 1) {
      await caretAtEnd(page, `OP${paragraph}`)
      await page.keyboard.insertText(part)
    }
    await page.context().setOffline(false)
    await page.getByRole('status').filter({ hasText: 'All changes saved. Your 6 offline changes were merged.' }).waitFor({ timeout: 30_000 })
    const reader = await otherReader()
    for (let paragraph = 1; paragraph <= 6; paragraph += 1) await expect.poll(() => clauseText(reader, `OP${paragraph}`)).toMatch(new RegExp(`${part.slice(-40)}$`))
  })

  it('announces the save status far fewer times than keys are pressed', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    // What a screen reader hears: the live region's text outside aria-hidden parts, each time it changes.
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).evaluate((region) => {
      const spoken = () => {
        const copy = region.cloneNode(true) as HTMLElement
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
        return copy.textContent ?? ''
      }
      const heard: string[] = []
      let last = spoken()
      new MutationObserver(() => {
        const now = spoken()
        if (now !== last && now !== '') heard.push(now)
        last = now
      }).observe(region, { subtree: true, childList: true, characterData: true })
      ;(window as unknown as { heard: string[] }).heard = heard
    })
    await caretAtEnd(page, 'OP5')
    await page.keyboard.type('fifteen letters', { delay: 60 })
    await page.getByText('All changes saved').waitFor()
    await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual(['All changes saved'])
  })
})
