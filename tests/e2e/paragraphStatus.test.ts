import * as decoding from 'lib0/decoding'
import type { APIResponse, Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import type { ParagraphStatusView } from '../../shared/paragraphStatus/paragraphStatusSchemas.js'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { spanOnWords } from '../helpers/amendments.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { clauseIdAt } from '../helpers/commentAnchors.js'
import { confirmDialog, confirmInDialog } from '../helpers/confirmDialog.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { caretAtEnd, clause, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'

/** True for a server frame that pushes a paragraph status. */
function isStatusFrame(message: string | Buffer): boolean {
  if (typeof message === 'string') return false
  const decoder = decoding.createDecoder(new Uint8Array(message))
  if (decoding.readVarUint(decoder) !== MessageType.control) return false
  try {
    return decodeControl(decoder, ServerControlMessage).type === 'status'
  } catch {
    return false
  }
}

async function openAs(name: string, editable: boolean, holdStatuses = false): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  // Status pushes held back from this page, so its next keystroke reaches the server after the paragraph closed.
  if (holdStatuses) {
    await page.routeWebSocket(/\/sync\//, (route) => {
      const server = route.connectToServer()
      server.onMessage((message) => {
        if (!isStatusFrame(message)) route.send(message)
      })
    })
  }
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}

/** A paragraph's own words, without its status badge or others' carets. */
function wordsOf(page: Page, label: string): Promise<string> {
  return clause(page, label).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const extra of copy.querySelectorAll('.collab-caret, .status-badge')) extra.remove()
    return copy.textContent ?? ''
  })
}

const badge = (page: Page, label: string) => clause(page, label).locator('.status-badge')

describe('paragraph status in the browser', () => {
  it('the chair marks OP3 agreed by keyboard; another page sees it live, as a symbol and a word, and the summary counts it', async () => {
    const observer = await openAs('Siti Rahmawati', false)
    const chair = await openAs('Aigerim Seitkali', true)

    await pressByKeyboard(chair, /^Progress$/)
    const choices = chair.getByRole('group', { name: 'Status of OP3' })
    await choices.getByRole('button', { name: 'Open' }).focus()
    await chair.keyboard.press('Tab')
    await chair.keyboard.press('Tab')
    expect(await choices.getByRole('button', { name: 'Agreed' }).evaluate((element) => element === document.activeElement)).toBe(true)
    await chair.keyboard.press('Enter')
    await chair.getByText('OP3 is agreed.').waitFor()
    expect(await choices.getByRole('button', { name: 'Agreed' }).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => badge(chair, 'OP3').textContent()).toBe('✓ Agreed')
    await expect.poll(() => badge(observer, 'OP3').textContent()).toBe('✓ Agreed')
    expect(await badge(observer, 'OP2').count()).toBe(0)
    const summary = chair.getByRole('table', { name: 'Paragraphs by status' })
    expect(await summary.getByRole('row', { name: /Operative/ }).getByRole('cell').allTextContents()).toEqual(['14', '0', '1', '15'])
    await expectNoAxeViolations(chair)
    await expectNoAxeViolations(observer)
  })

  it('an editor’s keystroke in a paragraph agreed meanwhile becomes a draft; a page that knows keeps it out and says why', async () => {
    const editor = await openAs('James Whitfield', true, true)
    const chair = await openAs('Aigerim Seitkali', true)
    const original = await wordsOf(editor, 'OP3')
    await pressByKeyboard(chair, /^Progress$/)
    await chair.getByRole('group', { name: 'Status of OP3' }).getByRole('button', { name: 'Agreed' }).click()
    await expect.poll(() => badge(chair, 'OP3').textContent()).toBe('✓ Agreed')

    // The editor's page has not heard of it: the server refuses the keystroke, and the words are kept as a draft.
    await caretAtEnd(editor, 'OP3')
    await editor.keyboard.insertText(' Қосымша сөз')
    const notice = editor.getByRole('region', { name: 'Your unsent words' })
    await notice.getByRole('alert').filter({ hasText: 'in a paragraph agreed and closed' }).waitFor()
    await expect.poll(() => notice.locator('li').allTextContents()).toEqual([`OP3${original} Қосымша сөз`])
    await expect.poll(() => wordsOf(editor, 'OP3')).toBe(original)
    await expectNoAxeViolations(editor)

    await caretAtEnd(chair, 'OP3')
    await chair.keyboard.type(' more')
    await chair.getByText('OP3 is agreed and closed: it cannot be changed until a moderator reopens it.').waitFor()
    expect(await wordsOf(chair, 'OP3')).toBe(original)
  })

  it('marking a paragraph with a pending amendment agreed asks first and closes the amendment as not taken up', async () => {
    const token = await startSession(suite.server().url, 'editor-kaz')
    const client = connectClient(suite.server().wsUrl, DOC, token)
    await whenSynced(client)
    const change = { kind: 'words', clauseId: clauseIdAt(client.text, 12), spans: [spanOnWords(client.text, 12, 'open educational resources', 'free educational resources')] }
    const proposed = (await api(suite.server().url, 'POST', `/api/declarations/${DOC}/amendments`, { token, body: { change } })).body as AmendmentView
    client.destroy()

    const chair = await openAs('Aigerim Seitkali', true)
    await pressByKeyboard(chair, /^Progress$/)
    await chair.getByRole('group', { name: 'Status of OP5' }).getByRole('button', { name: 'Agreed' }).click()
    await confirmDialog(chair).getByText(`OP5 has pending amendments (${proposed.label}).`).waitFor()
    await expectNoAxeViolations(chair)
    await confirmInDialog(chair, 'Close them as not taken up and mark agreed')
    await expect.poll(() => badge(chair, 'OP5').textContent()).toBe('✓ Agreed')
    await chair.getByText('Pending amendments: 0').waitFor()
    const amendments = (await api(suite.server().url, 'GET', `/api/declarations/${DOC}/amendments`, { token })).body as AmendmentView[]
    expect(amendments.find((amendment) => amendment.id === proposed.id)?.status).toBe('not-taken-up')

    await chair.getByRole('link', { name: 'Compilation' }).click()
    await chair.getByRole('heading', { name: 'OP5 Agreed' }).waitFor()
    await expectNoAxeViolations(chair)
  })

  it('the versions screen charts each frozen version’s paragraphs by status, with the figures as a table', async () => {
    const chairToken = await startSession(suite.server().url, 'chair')
    expect((await api(suite.server().url, 'POST', `/api/declarations/${DOC}/versions`, { token: chairToken, body: { name: 'Zero draft' } })).status).toBe(201)
    const chair = await openAs('Aigerim Seitkali', true)
    await chair.getByRole('link', { name: 'Versions' }).click()
    const table = chair.getByRole('table', { name: 'Paragraphs by status in each frozen version' })
    await table.waitFor()
    // Versions frozen before statuses were captured count every paragraph open.
    expect(await table.getByRole('row', { name: /Zero draft/ }).getByRole('cell').allTextContents()).toEqual(['0', '0', '23', '0'])
    await chair.getByRole('img', { name: /Paragraphs agreed, agreed ad referendum and open in each frozen version/ }).waitFor()
    await expectNoAxeViolations(chair)
  })

  it('keeps a status pushed after the chair set one, when the answer to setting it comes last', async () => {
    const chair = await openAs('Aigerim Seitkali', true)
    await pressByKeyboard(chair, /^Progress$/)
    // The status reaches the server, but its answer is held back until a newer one has been pushed.
    let answered!: (answer: { route: Route; response: APIResponse }) => void
    const held = new Promise<{ route: Route; response: APIResponse }>((resolve) => (answered = resolve))
    await chair.route('**/api/declarations/*/paragraph-statuses/*', async (route) => answered({ route, response: await route.fetch() }))
    const choices = chair.getByRole('group', { name: 'Status of OP6' })
    await choices.getByRole('button', { name: 'Ad ref.' }).click()
    const { route, response } = await held
    expect(response.status()).toBe(200)
    const { clauseId } = (await response.json()) as ParagraphStatusView
    const token = await startSession(suite.server().url, 'chair')
    expect((await api(suite.server().url, 'PUT', `/api/declarations/${DOC}/paragraph-statuses/${clauseId}`, { token, body: { status: 'agreed' } })).status).toBe(200)
    await expect.poll(() => badge(chair, 'OP6').textContent()).toBe('✓ Agreed')

    const late = chair.waitForResponse((answer) => answer.url().includes('/paragraph-statuses/'))
    await route.fulfill({ response })
    await (await late).finished()
    // Time for the page to read and render the late answer, were it to apply it.
    await chair.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 250)))
    expect(await badge(chair, 'OP6').textContent()).toBe('✓ Agreed')
    expect(await choices.getByRole('button', { name: 'Agreed' }).getAttribute('aria-pressed')).toBe('true')
  })
})
