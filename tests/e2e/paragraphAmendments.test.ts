import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { expectNoSidewaysScroll, openOnPhone } from '../helpers/layout.js'
import { caretAtEnd, clause, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
const NEW_OP = 'Барлық балалар үшін инклюзивті білім беруді қамтамасыз етуге міндеттенеміз;'

async function openAs(name: string, editable: boolean, page?: Page): Promise<Page> {
  const opened = page ?? (await openApp(suite.browser(), suite.server().url))
  await signInAs(opened, name)
  await openDeclaration(opened, { editable })
  return opened
}

const card = (page: Page, label: string) => page.locator(`.amendment[data-amendment="${label}"]`)
const dialog = (page: Page, label: string) => page.getByRole('dialog', { name: `Propose for ${label}` })

/** The element that follows a paragraph in the text: where a proposed paragraph or a move's destination is shown. */
function nextToClause(page: Page, label: string) {
  return clause(page, label).evaluate((element) => {
    const next = element.nextElementSibling as HTMLElement | null
    return next ? { amendment: next.dataset.amendment ?? '', text: next.textContent ?? '' } : null
  })
}

/** Proposes a paragraph change over the API, as another client would: paragraphs named by label (OP3). */
async function proposeOverApi(login: string, change: (idOf: (label: string) => string) => unknown): Promise<void> {
  const token = await startSession(suite.server().url, login)
  const client = connectClient(suite.server().wsUrl, DOC, token)
  await whenSynced(client)
  const ids = new Map<string, string>()
  const counts = { preambular: 0, operative: 0 }
  for (const element of client.text.toArray()) {
    if (!(element instanceof Y.XmlElement) || element.nodeName !== 'clause') continue
    const kind = element.getAttribute('kind') === 'preambular' ? 'preambular' : 'operative'
    counts[kind] += 1
    ids.set(`${kind === 'preambular' ? 'PP' : 'OP'}${counts[kind]}`, String(element.getAttribute('id')))
  }
  client.destroy()
  const answer = await api(suite.server().url, 'POST', `/api/declarations/${DOC}/amendments`, { token, body: { change: change((label) => ids.get(label)!), justification: '' } })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
}

/** Proposes a new operative paragraph after OP3 from the caret's paragraph, by keyboard, as Kazakhstan's editor. */
async function proposeNewParagraph(kazakh: Page): Promise<void> {
  await caretAtEnd(kazakh, 'OP3')
  await pressByKeyboard(kazakh, 'Propose for OP3…', { backwards: true })
  await dialog(kazakh, 'OP3').waitFor()
  expect(await dialog(kazakh, 'OP3').getByLabel('A new paragraph after OP3').isChecked()).toBe(true)
  await dialog(kazakh, 'OP3').getByLabel('Kind of the new paragraph').focus()
  await kazakh.keyboard.press('Tab')
  await kazakh.keyboard.type(NEW_OP)
  await kazakh.keyboard.press('Tab')
  await kazakh.keyboard.type('Every child, without exception.')
  await kazakh.keyboard.press('Tab')
  await kazakh.keyboard.press('Enter')
  await dialog(kazakh, 'OP3').waitFor({ state: 'detached' })
}

describe('proposing a new paragraph, a deletion or a move', () => {
  it('Kazakhstan proposes a new OP after OP3 by keyboard; it shows as a labelled block after OP3, in the panel and in the compilation', async () => {
    const kazakh = await openAs('Ержан Нұрланұлы', true)
    const op4 = await clauseText(kazakh, 'OP4')
    await proposeNewParagraph(kazakh)
    await kazakh.getByText("Your amendment A1 was submitted: add a new operative paragraph after OP3: '" + NEW_OP + "'.").waitFor()

    await expect.poll(() => nextToClause(kazakh, 'OP3')).toEqual({ amendment: 'A1', text: `A1 KAZ proposes a new operative paragraph (OP) after OP3: ${NEW_OP}` })
    expect(await kazakh.locator('.amendment-para ins').textContent()).toBe(NEW_OP)
    expect(await clauseText(kazakh, 'OP4')).toBe(op4)
    await expectNoAxeViolations(kazakh)

    await kazakh.getByRole('button', { name: /^Amendments/ }).click()
    expect(await card(kazakh, 'A1').locator('.amendment__summary').textContent()).toBe(`proposed by Kazakhstan: add a new operative paragraph after OP3: '${NEW_OP}'`)
    expect(await card(kazakh, 'A1').locator('ins').textContent()).toBe(`[+ ${NEW_OP} +]`)
    await kazakh.getByRole('heading', { name: 'OP3 (1 amendment)' }).waitFor()

    await kazakh.getByRole('link', { name: 'Compilation' }).click()
    await expect.poll(() => kazakh.locator('[data-amendment="A1"] .compilation__line').textContent()).toBe(`A1, proposed by Kazakhstan: add a new operative paragraph after OP3: '${NEW_OP}'`)
    await expectNoAxeViolations(kazakh)
  })

  it('the chair accepts a proposed paragraph: it becomes OP4 and its block goes', async () => {
    await proposeOverApi('editor-kaz', (idOf) => ({ kind: 'paragraph.insert', after: idOf('OP3'), clauseKind: 'operative', content: [{ text: NEW_OP, marks: [] }] }))
    const chair = await openAs('Aigerim Seitkali', true)
    const op4 = await clauseText(chair, 'OP4')
    await expect.poll(() => nextToClause(chair, 'OP3')).toEqual({ amendment: 'A1', text: `A1 KAZ proposes a new operative paragraph (OP) after OP3: ${NEW_OP}` })
    await pressByKeyboard(chair, /^Amendments/)
    await pressByKeyboard(chair, 'Accept A1')
    await expect.poll(() => clauseText(chair, 'OP4')).toBe(NEW_OP)
    expect(await clauseText(chair, 'OP5')).toBe(op4)
    await expect.poll(() => chair.locator('.amendment-para').count()).toBe(0)
  })

  it('Poland proposes deleting OP5 by keyboard and Kazakhstan moving OP2 after OP6; the text strikes OP5 and marks the move at both places, under the toggle, and the panel says both in words', async () => {
    const signatory = await openAs('Katarzyna Nowak', false)
    await pressByKeyboard(signatory, 'Propose…')
    const first = signatory.getByRole('dialog')
    await first.waitFor()
    await first.getByLabel('Paragraph', { exact: true }).selectOption({ label: 'OP5' })
    await first.getByLabel('A new paragraph after OP5').focus()
    await signatory.keyboard.press('ArrowDown')
    expect(await first.getByLabel('Delete OP5').isChecked()).toBe(true)
    await signatory.keyboard.press('Tab')
    await signatory.keyboard.press('Tab')
    await signatory.keyboard.press('Enter')
    await signatory.getByText('Your amendment A1 was submitted: delete OP5.').waitFor()

    await proposeOverApi('editor-kaz', (idOf) => ({ kind: 'paragraph.move', clauseId: idOf('OP2'), after: idOf('OP6') }))

    const chair = await openAs('Aigerim Seitkali', true)
    const notes = chair.locator('.amendment-para-note')
    await expect.poll(() => notes.allTextContents()).toEqual(['A2 KAZ proposes moving OP2 to after OP6:', 'A1 POL proposes deleting OP5:'])
    expect(await clause(chair, 'OP5').locator('.amendment-del').count()).toBeGreaterThan(0)
    expect(await clause(chair, 'OP2').locator('.amendment-moved').count()).toBeGreaterThan(0)
    expect(await nextToClause(chair, 'OP6')).toEqual({ amendment: 'A2', text: 'A2 KAZ proposes moving OP2 here, after OP6' })
    await expectNoAxeViolations(chair)

    await chair.getByLabel('Amendments in the text').selectOption({ label: 'Only Poland’s' })
    await expect.poll(() => notes.allTextContents()).toEqual(['A1 POL proposes deleting OP5:'])
    expect(await chair.locator('.amendment-para').count()).toBe(0)
    await chair.getByLabel('Amendments in the text').selectOption('none')
    await expect.poll(() => notes.count()).toBe(0)
    expect(await clause(chair, 'OP5').locator('.amendment-del').count()).toBe(0)

    await chair.getByRole('button', { name: /^Amendments/ }).click()
    expect(await card(chair, 'A1').locator('.amendment__summary').textContent()).toBe('proposed by Poland: delete OP5')
    expect(await card(chair, 'A2').locator('.amendment__summary').textContent()).toBe('proposed by Kazakhstan: move OP2 to after OP6')
  })

  it('on a phone the proposal dialog fits the screen, passes axe, and Escape closes it back to its button', async () => {
    const kazakh = await openAs('Ержан Нұрланұлы', true, await openOnPhone(suite.browser(), suite.server().url))
    await caretAtEnd(kazakh, 'OP1')
    await pressByKeyboard(kazakh, 'Propose for OP1…', { backwards: true })
    await dialog(kazakh, 'OP1').waitFor()
    await expectNoSidewaysScroll(kazakh)
    const box = await dialog(kazakh, 'OP1').boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(375)
    await expectNoAxeViolations(kazakh)
    await kazakh.keyboard.press('Escape')
    await dialog(kazakh, 'OP1').waitFor({ state: 'detached' })
    expect(await kazakh.evaluate(() => document.activeElement?.textContent)).toBe('Propose for OP1…')
  })
})
