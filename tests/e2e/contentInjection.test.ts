import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../shared/versions/versionSchemas.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { MARKUP_TEXT, TRAP, writeHostileText } from '../helpers/hostileContent.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { savedAcks } from '../helpers/savedAcks.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'

/**
 * Everything in a part of the page that could run script or lead to it: handlers, code-running URLs and, in text
 * that should hold only the schema's elements, any element that can load, link or run something.
 */
function runnableIn(page: Page, selector: string, textOnly = true): Promise<string[]> {
  return page.locator(selector).evaluate((root, onlyText) => {
    const found: string[] = []
    for (const element of [root, ...root.querySelectorAll('*')]) {
      const tag = element.tagName.toLowerCase()
      // ProseMirror's own placeholder in an empty paragraph: an image with no source and nothing else.
      if (element.matches('img.ProseMirror-separator') && [...element.attributes].every((attribute) => ['class', 'alt'].includes(attribute.name))) continue
      if (onlyText && ['script', 'svg', 'img', 'iframe', 'object', 'embed', 'a', 'link', 'style', 'form', 'base', 'meta'].includes(tag)) found.push(`<${tag}>`)
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${tag}[${attribute.name}]`)
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'style'].includes(attribute.name) && /(?:javascript|vbscript|data)\s*:/i.test(attribute.value)) {
          found.push(`${tag}[${attribute.name}=${attribute.value}]`)
        }
      }
    }
    return found
  }, textOnly)
}

describe('content a tampered client writes into the shared document', () => {
  it('never runs as script in the editor, the version view or the redline', async () => {
    const server = suite.server()
    const moderator = await startSession(server.url, 'chair')
    const freeze = async (name: string) => {
      const answer = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: moderator, body: { name, acceptInvisibleCharacters: true } })
      expect(answer.status).toBe(201)
      return (answer.body as { version: VersionSummary }).version
    }
    await freeze('Before')
    const tampered = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    await whenSynced(tampered)
    // Elements, attributes and marks outside the schema are refused by the server (tests/server/http/contentInjection).
    writeHostileText(tampered.text)
    await savedAcks(tampered)(1)
    await freeze('Tampered')
    tampered.destroy()

    const page = await openApp(suite.browser(), server.url)
    const ran: string[] = []
    await page.exposeFunction(TRAP, (what: string) => ran.push(what))
    page.on('dialog', (dialog) => {
      ran.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    await signInAs(page, 'Aigerim Seitkali')
    await openDeclaration(page)
    // The trap is live: a call from the page is recorded, so silence below means nothing ran.
    await page.evaluate((name) => (window as unknown as Record<string, (what: string) => Promise<void>>)[name]!('probe'), TRAP)
    await expect.poll(() => ran).toEqual(['probe'])

    await expect.poll(() => page.locator('.declaration-text .clause').first().textContent()).toContain(MARKUP_TEXT)
    expect(await page.locator('.declaration-text .declaration-title, .declaration-text h1').first().textContent()).toContain(MARKUP_TEXT)
    expect(await runnableIn(page, '.declaration-text')).toEqual([])
    expect(await runnableIn(page, 'body', false)).toEqual([])
    await expectNoAxeViolations(page)

    await page.getByRole('link', { name: 'Versions' }).click()
    await page.getByRole('button', { name: 'View Tampered' }).click()
    await page.getByRole('heading', { name: '“Tampered” (read-only)' }).waitFor()
    await expect.poll(() => page.locator('.version-text').textContent()).toContain(MARKUP_TEXT)
    expect(await runnableIn(page, '.version-text')).toEqual([])
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Changes from Before' }).click()
    await page.getByRole('heading', { name: /Changes from “Before”/ }).waitFor()
    await expect.poll(() => page.locator('.redline').textContent()).toContain(MARKUP_TEXT)
    expect(await runnableIn(page, '.redline')).toEqual([])
    await expectNoAxeViolations(page)

    expect(ran).toEqual(['probe'])
  })
})
