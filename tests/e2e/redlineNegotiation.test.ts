import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { bracketOn, place } from '../helpers/brackets.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { clauseIdAt } from '../helpers/commentAnchors.js'
import { expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'
import { setStatus } from '../helpers/paragraphStatuses.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
const WORDS = 'speech and language therapy'

describe('the negotiation state in the redline in the browser', () => {
  it('shows a bracket placed as inserted [ ] around its words, the status change and the bracket in words, and the version prints both', async () => {
    const { url, wsUrl } = suite.server()
    const chair = await startSession(url, 'chair')
    const freeze = (name: string) => api(url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name } })
    expect((await freeze('Zero draft')).status).toBe(201)
    const client = connectClient(wsUrl, DOC, chair)
    await whenSynced(client)
    await place(url, chair, bracketOn(client, 14, WORDS, ['KAZ', 'POL']))
    expect((await setStatus(url, chair, DOC, clauseIdAt(client.text, 10), { status: 'agreed' })).status).toBe(200)
    client.destroy()
    expect((await freeze('Rev.1')).status).toBe(201)

    const page = await openApp(suite.browser(), url)
    await signInAs(page, 'Aigerim Seitkali')
    await page.goto(`${url}/d/${DOC}/versions`)
    await page.getByRole('button', { name: 'Changes from Zero draft' }).click()
    const changes = page.getByRole('list', { name: 'Changes in the negotiation state' })
    await changes.getByText('OP3: open → agreed', { exact: true }).waitFor()
    await changes.getByText(`bracket placed around “${WORDS}”`, { exact: false }).waitFor()
    const bracketed = page.locator('.redline__paragraph', { hasText: WORDS })
    await expect.poll(() => bracketed.locator('ins').allTextContents()).toEqual(['[inserted: []', '[inserted: ]]'])
    expect(await bracketed.locator('del').count()).toBe(0)
    // As a sighted reader sees it: the words between the two new brackets.
    const seen = await bracketed.locator('p[dir="auto"]').evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove())
      return copy.textContent
    })
    expect(seen).toContain(`[${WORDS}]`)
    await expectNoAxeViolations(page)

    // The version itself shows the state it was frozen with: the status as a symbol and a word, the bracket printed.
    await page.getByRole('button', { name: 'View Rev.1' }).click()
    const text = page.locator('.version-text')
    await expect.poll(() => text.locator('.clause[data-label="OP3"]').textContent()).toMatch(/^✓ Agreed/)
    expect(await text.locator('.clause', { hasText: WORDS }).textContent()).toContain(`[${WORDS}]`)
    await expectNoAxeViolations(page)
  })
})
