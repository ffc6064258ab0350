import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmInDialog } from '../helpers/confirmDialog.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { caretAtEnd, clause, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../helpers/syncClients.js'
import { idOfLabel } from '../helpers/roundLabels.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
const ADDED = 'Encourages partnerships with civil society;'

async function openAs(name: string, editable: boolean): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}


describe('numbering across rounds in the browser', () => {
  it('shows a paragraph added after a freeze as OP7bis everywhere; the chair renumbers it OP8 live and the next redline says so', async () => {
    const url = suite.server().url
    expect((await api(url, 'POST', `/api/declarations/${DOC}/versions`, { token: await startSession(url), body: { name: 'Zero draft' } })).status).toBe(201)
    const editor = await openAs('James Whitfield', true)
    const observer = await openAs('Siti Rahmawati', false)
    const op8Text = await clauseText(editor, 'OP8')

    await caretAtEnd(editor, 'OP7')
    await editor.keyboard.press('Enter')
    await editor.keyboard.type(ADDED)
    await editor.getByText('All changes saved').waitFor()
    for (const page of [editor, observer]) {
      await expect.poll(() => clauseText(page, 'OP7bis')).toBe(ADDED)
      expect(await clauseText(page, 'OP8')).toBe(op8Text)
    }

    // The same label in the amendments panel and the compilation.
    const kazakh = await startSession(url, 'editor-kaz')
    const client = connectClient(suite.server().wsUrl, DOC, kazakh)
    await whenSynced(client)
    await waitFor(() => idOfLabel(client, 'OP7bis') !== undefined, 'the new paragraph reaches another client')
    const proposed = await api(url, 'POST', `/api/declarations/${DOC}/amendments`, { token: kazakh, body: { change: { kind: 'paragraph.delete', clauseId: idOfLabel(client, 'OP7bis') }, justification: '' } })
    client.destroy()
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
    const amendment = proposed.body as AmendmentView
    await pressByKeyboard(observer, /^Amendments/)
    await expect.poll(() => observer.locator(`.amendment[data-amendment="${amendment.label}"]`).textContent()).toContain(`${amendment.label} on OP7bis`)
    // The mark in the text and the status panel name it by its round label too.
    await expect.poll(() => observer.locator(`.amendment-para-note[data-amendment="${amendment.label}"]`).textContent()).toContain('proposes deleting OP7bis:')
    await pressByKeyboard(observer, /^Progress$/)
    await observer.locator('.status-panel__label', { hasText: /^OP7bis$/ }).waitFor()
    await observer.getByRole('link', { name: 'Compilation' }).click()
    await observer.getByRole('heading', { level: 2, name: 'OP7bis' }).waitFor()
    await expectNoAxeViolations(observer)
    await observer.goBack()

    const chair = await openAs('Aigerim Seitkali', true)
    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Rev.1')
    await chair.getByRole('button', { name: 'Renumber paragraphs' }).click()
    await confirmInDialog(chair, 'Renumber')
    await chair.getByText(/^Renumbered 9 paragraphs: OP7bis → OP8, OP8 → OP9/).waitFor()
    await expectNoAxeViolations(chair)
    await expect.poll(() => clauseText(editor, 'OP8')).toBe(ADDED)
    expect(await clause(editor, 'OP7bis').count()).toBe(0)
    expect(await clauseText(editor, 'OP9')).toBe(op8Text)

    await freezeOnVersionsPage(chair, 'Rev.2')
    await chair.getByRole('button', { name: 'Changes from Rev.1' }).click()
    await chair.getByRole('list', { name: 'Changes in the negotiation state' }).getByText('OP7bis → OP8', { exact: true }).waitFor()
    await chair.locator('.redline__badge', { hasText: 'Renumbered: OP7bis → OP8' }).waitFor()
    await expectNoAxeViolations(chair)
  })
})
