import JSZip from 'jszip'
import type { APIResponse, Locator, Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { BracketItem } from '../../shared/brackets/bracketSchemas.js'
import { api } from '../helpers/api.js'
import { alternativesOn, bracketOn, BRACKETS_PATH, place } from '../helpers/brackets.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { expectNoSidewaysScroll, openOnPhone } from '../helpers/layout.js'
import { clause, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()

async function openAs(name: string, editable: boolean): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}

/** Moves focus by Tab alone until the control has it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let step = 0; step < 200; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('the control cannot be reached with Tab')
}

/** Selects words in the text by keyboard: Tab into the text, Ctrl+F, the words, Enter, and Escape back with them selected. */
async function selectWords(page: Page, words: string): Promise<void> {
  await tabTo(page, page.getByRole('textbox', { name: 'Declaration text' }))
  await page.keyboard.press('Control+f')
  await page.keyboard.type(words)
  await expect.poll(() => page.getByRole('search').getByRole('status').textContent()).toBe('1 match')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(words)
}

/** Ticks a delegation's box in the fieldset named `legend`, by keyboard. */
async function tick(page: Page, legend: string, code: string): Promise<void> {
  await tabTo(page, page.getByRole('group', { name: legend }).getByRole('checkbox', { name: new RegExp(`^${code} `) }))
  await page.keyboard.press('Space')
}

/** The chair's page and another delegate's, each with the Brackets panel shown. */
async function chairAndObserver(): Promise<{ chair: Page; observer: Page }> {
  const chair = await openAs('Aigerim Seitkali', true)
  const observer = await openAs('Siti Rahmawati', false)
  await pressByKeyboard(observer, /^Brackets/)
  return { chair, observer }
}

describe('square brackets and alternatives in the browser', () => {
  it('the chair brackets words by keyboard at two delegations’ request; another page sees it live, named for screen readers, until the chair lifts it', async () => {
    const { chair, observer } = await chairAndObserver()
    await selectWords(chair, 'Resolve to remove')
    await pressByKeyboard(chair, /^Brackets/)
    await expect.poll(() => chair.getByLabel('Place on').locator('option').first().textContent()).toBe('Selected words in OP2: “Resolve to remove”')
    await tick(chair, 'Requested by', 'KAZ')
    await tick(chair, 'Requested by', 'POL')
    await tabTo(chair, chair.getByLabel('Reason (optional)'))
    await chair.keyboard.type('Kazakhstan and Poland want a stronger verb.')
    await pressByKeyboard(chair, 'Place bracket')

    await expect.poll(() => clauseText(observer, 'OP2')).toMatch(/^\[Resolve to remove\] physical/)
    expect(await clause(observer, 'OP2').getByRole('img', { name: 'bracket opened, requested by KAZ, POL' }).count()).toBe(1)
    expect(await clause(observer, 'OP2').getByRole('img', { name: 'bracket closed, requested by KAZ, POL' }).count()).toBe(1)
    const card = observer.getByRole('article', { name: 'Bracket in OP2' })
    await card.getByText('Requested by KAZ, POL').waitFor()
    await card.getByText('Reason: Kazakhstan and Poland want a stronger verb.').waitFor()
    await observer.getByText('1 bracket and 0 sets of alternatives open, in 1 paragraph').waitFor()
    await expectNoAxeViolations(observer)
    await expectNoAxeViolations(chair)

    await pressByKeyboard(chair, 'Lift bracket (keep the words)')
    await expect.poll(() => clauseText(observer, 'OP2')).toMatch(/^Resolve to remove physical/)
    await observer.getByText('Nothing is in brackets.').waitFor()
  })

  it('the chair adds alternatives by keyboard, each with its delegations; another page sees them live and the chosen wording replace them', async () => {
    const { chair, observer } = await chairAndObserver()
    await selectWords(chair, 'school buildings')
    await pressByKeyboard(chair, /^Brackets/)
    await tabTo(chair, chair.getByRole('radio', { name: 'Square bracket' }))
    await chair.keyboard.press('ArrowDown')
    await tabTo(chair, chair.getByLabel('Alt 1 wording'))
    await chair.keyboard.type('school buildings')
    await tick(chair, 'Alt 1 proposed by', 'KAZ')
    await tabTo(chair, chair.getByLabel('Alt 2 wording'))
    await chair.keyboard.type('schools and their grounds')
    await tick(chair, 'Alt 2 proposed by', 'USA')
    await tick(chair, 'Alt 2 proposed by', 'EGY')
    await pressByKeyboard(chair, 'Place alternatives')

    await expect.poll(() => clauseText(observer, 'OP2')).toContain('to make [school buildings] (Alt 1: school buildings (KAZ) / Alt 2: schools and their grounds (USA, EGY)), transport')
    await observer.getByRole('article', { name: 'Alternatives in OP2' }).getByText('Alt 2: schools and their grounds').waitFor()
    await observer.getByText('0 brackets and 1 set of alternatives open, in 1 paragraph').waitFor()
    await expectNoAxeViolations(observer)
    await expectNoAxeViolations(chair)

    await pressByKeyboard(chair, 'Choose Alt 2')
    await expect.poll(() => clauseText(observer, 'OP2')).toContain('to make schools and their grounds, transport')
    await observer.getByText('Nothing is in brackets.').waitFor()
  })

  it('the compilation and its DOCX print brackets and alternatives as literal brackets, the page live', async () => {
    const chair = await startSession(suite.server().url, 'chair')
    const client = connectClient(suite.server().wsUrl, 'almaty-declaration', chair)
    await whenSynced(client)
    await place(suite.server().url, chair, bracketOn(client, 9, 'physical, communication', ['USA']))
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Siti Rahmawati')
    await page.goto(`${suite.server().url}/d/almaty-declaration/compilation`)
    const paragraph = page.locator('.compilation__paragraph', { has: page.getByRole('heading', { name: 'OP2', exact: true }) }).locator('p').first()
    await expect.poll(() => paragraph.textContent()).toBe('Resolve to remove [physical, communication], attitudinal and financial barriers to education, and to make school buildings, transport, learning materials and digital platforms accessible by design;')
    await place(suite.server().url, chair, alternativesOn(client, 9, 'accessible by design', [['accessible by design', 'KAZ'], ['accessible', 'GBR']]))
    await expect.poll(() => paragraph.textContent()).toContain('digital platforms [Alt 1: accessible by design (KAZ) / Alt 2: accessible (GBR)];')
    client.destroy()
    await expectNoAxeViolations(page)
    const download = await page.request.get(`${suite.server().url}/api/declarations/almaty-declaration/compilation.docx`)
    const xml = await (await JSZip.loadAsync(await download.body())).file('word/document.xml')!.async('string')
    expect(xml).toContain('Resolve to remove [physical, communication], attitudinal')
    expect(xml).toContain('digital platforms [Alt 1: accessible by design (KAZ) / Alt 2: accessible (GBR)];')
  })

  it('on a 375 px phone the chair’s Brackets panel, with its form and open items, fits without sideways scrolling', async () => {
    const token = await startSession(suite.server().url, 'chair')
    const client = connectClient(suite.server().wsUrl, 'almaty-declaration', token)
    await whenSynced(client)
    await place(suite.server().url, token, bracketOn(client, 9, 'physical, communication', ['USA', 'CHN'], 'Which barriers come first is still open.'))
    await place(suite.server().url, token, alternativesOn(client, 9, 'accessible by design', [['accessible by design', 'KAZ'], ['accessible to every learner from the start, with no cost to families', 'GBR']]))
    client.destroy()
    const chair = await openOnPhone(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('button', { name: 'Comments and people' }).click()
    await chair.getByRole('button', { name: /^Brackets/ }).click()
    await chair.getByRole('article', { name: 'Alternatives in OP2' }).waitFor()
    await expectNoSidewaysScroll(chair)
    await expectNoAxeViolations(chair)
  })

  it('keeps a lift pushed after the chair placed a bracket, when the answer to placing it comes last', async () => {
    const chair = await openAs('Aigerim Seitkali', true)
    // The placement reaches the server, but its answer is held back until the lift made after it has been pushed.
    let answered!: (answer: { route: Route; response: APIResponse }) => void
    const held = new Promise<{ route: Route; response: APIResponse }>((resolve) => (answered = resolve))
    await chair.route('**/api/declarations/*/brackets', async (route) => answered({ route, response: await route.fetch() }))
    await selectWords(chair, 'prevent bullying')
    await pressByKeyboard(chair, /^Brackets/)
    await tick(chair, 'Requested by', 'KAZ')
    await pressByKeyboard(chair, 'Place bracket')
    const { route, response } = await held
    expect(response.status()).toBe(201)
    const card = chair.getByRole('article', { name: 'Bracket in OP8' })
    await card.waitFor()
    const { id } = (await response.json()) as BracketItem
    const token = await startSession(suite.server().url, 'chair')
    expect((await api(suite.server().url, 'POST', `${BRACKETS_PATH}/${id}/resolve`, { token, body: { action: 'lift' } })).status).toBe(200)
    await expect.poll(() => card.count()).toBe(0)

    const late = chair.waitForResponse((answer) => answer.url().endsWith('/brackets'))
    await route.fulfill({ response })
    await (await late).finished()
    // Time for the page to read and render the late answer, were it to apply it.
    await chair.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 250)))
    expect(await card.count()).toBe(0)
  })
})
