import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import { spanOnWords } from '../helpers/amendments.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { clauseIdAt } from '../helpers/commentAnchors.js'
import { expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
const AMENDMENTS = `/api/declarations/${DOC}/amendments`

describe('the accepted amendments in the redline in the browser', () => {
  it('names each change the chair accepted with its amendment and delegation, in the reader\'s language', async () => {
    const { url, wsUrl } = suite.server()
    const chair = await startSession(url, 'chair')
    const freeze = (name: string) => api(url, 'POST', `/api/declarations/${DOC}/versions`, { token: chair, body: { name } })
    expect((await freeze('Zero draft')).status).toBe(201)
    const client = connectClient(wsUrl, DOC, chair)
    await whenSynced(client)
    const proposed = await api(url, 'POST', AMENDMENTS, {
      token: await startSession(url, 'editor-kaz'),
      body: { change: { kind: 'words', clauseId: clauseIdAt(client.text, 9), spans: [spanOnWords(client.text, 9, 'financial barriers', 'financial and legal barriers')] } },
    })
    expect(proposed.status).toBe(201)
    const amendment = proposed.body as AmendmentView
    expect((await api(url, 'POST', `${AMENDMENTS}/${amendment.number}/accept`, { token: chair })).status).toBe(200)
    client.destroy()
    expect((await freeze('Rev.1')).status).toBe(201)

    const page = await openApp(suite.browser(), url)
    await signInAs(page, 'Aigerim Seitkali')
    await page.goto(`${url}/d/${DOC}/versions`)
    await page.getByRole('button', { name: 'Changes from Zero draft' }).click()
    const accepted = page.getByRole('heading', { name: 'Accepted amendments' }).locator('xpath=following-sibling::ul[1]')
    await expect.poll(() => accepted.locator('li').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^OP\\d+: A${amendment.number} \\(Kazakhstan\\) accepted$`))])
    await expectNoAxeViolations(page)

    await page.getByLabel('Language').selectOption('ru')
    await page.getByRole('heading', { name: 'Принятые поправки' }).waitFor()
    await expect.poll(() => page.getByRole('heading', { name: 'Принятые поправки' }).locator('xpath=following-sibling::ul[1]').textContent()).toContain(`A${amendment.number}`)
  })
})
