import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import { spanOnWords } from '../helpers/amendments.js'
import { proposeOverApi } from '../helpers/apiProposals.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretClause, pressByKeyboard } from '../helpers/keyboard.js'
import { clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

async function openAs(name: string, editable: boolean): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page, { editable })
  return page
}

/** Kazakhstan proposes a replacement in the ninth paragraph over the API, as another client would. */
function proposeAsKazakhstan(words: string, replacement: string): Promise<AmendmentView> {
  return proposeOverApi(suite.server(), 'editor-kaz', 8, (fragment, index) => spanOnWords(fragment, index, words, replacement), 'Girls are too often left out.')
}

const card = (page: Page, label: string) => page.locator(`.amendment[data-amendment="${label}"]`)

describe('the amendments panel', () => {
  it('lists an amendment live with its change marked in text; Poland supports it and the chair accepts it by keyboard; an observer sees both', async () => {
    const signatory = await openAs('Katarzyna Nowak', false)
    const chair = await openAs('Aigerim Seitkali', true)
    const observer = await openAs('Siti Rahmawati', false)
    for (const page of [signatory, chair, observer]) await pressByKeyboard(page, /^Amendments/)
    await observer.getByLabel('Status').selectOption('all')

    const amendment = await proposeAsKazakhstan('every learner', 'every learner, and every girl in particular,')
    const label = amendment.label
    await card(signatory, label).waitFor()
    const heading = (await card(signatory, label).getByRole('heading').textContent()) ?? ''
    const paragraph = /on (\w+) —/.exec(heading)?.[1] ?? ''
    expect(heading).toBe(`${label} on ${paragraph} — Pending`)
    expect(await card(signatory, label).locator('del').textContent()).toBe('[− every learner −]')
    expect(await card(signatory, label).locator('ins').textContent()).toBe('[+ every learner, and every girl in particular, +]')
    expect(await card(signatory, label).locator('.amendment__summary').textContent()).toBe("proposed by Kazakhstan: replace 'every learner' with 'every learner, and every girl in particular,'")
    await signatory.getByRole('heading', { name: `${paragraph} (1 amendment)` }).waitFor()
    await expectNoAxeViolations(signatory)

    await pressByKeyboard(signatory, 'Support')
    await expect.poll(() => card(chair, label).locator('.amendment__summary').textContent()).toMatch(/^proposed by Kazakhstan; supported by Poland:/)
    await expect.poll(() => card(signatory, label).getByRole('button', { name: 'Support' }).getAttribute('aria-pressed')).toBe('true')
    await expectNoAxeViolations(chair)

    await pressByKeyboard(chair, `Accept ${label}`)
    await expect.poll(() => card(observer, label).getByRole('heading').textContent()).toBe(`${label} on ${paragraph} — Accepted`)
    await expect.poll(() => clauseText(observer, paragraph)).toContain('every learner, and every girl in particular,')
    await expect.poll(() => card(chair, label).count()).toBe(0)
    expect(await card(observer, label).locator('.amendment__decision').textContent()).toMatch(/^Accepted by Aigerim Seitkali \(Kazakhstan\)/)
    await expectNoAxeViolations(observer)
  })

  it('filters by status, delegation and paragraph, and goes from an amendment to its place in the text and back', async () => {
    const amendment = await proposeAsKazakhstan('every learner', 'all learners')
    const chair = await openAs('Aigerim Seitkali', true)
    await pressByKeyboard(chair, /^Amendments/)
    await card(chair, amendment.label).waitFor()
    await chair.getByLabel('Delegation').selectOption('KAZ')
    await card(chair, amendment.label).waitFor()
    await chair.getByLabel('Status').selectOption('rejected')
    await chair.getByText('No amendment matches.').waitFor()
    await chair.getByLabel('Status').selectOption('open')
    await chair.getByLabel('Paragraph').selectOption({ index: 1 })
    await chair.getByText('No amendment matches.').waitFor()
    await chair.getByLabel('Paragraph').selectOption({ value: amendment.change.kind === 'words' ? amendment.change.clauseId : '' })
    await pressByKeyboard(chair, 'Show in text')
    await expect.poll(() => chair.evaluate(() => document.activeElement?.classList.contains('declaration-text'))).toBe(true)
    const paragraph = /on (\w+) —/.exec((await card(chair, amendment.label).getByRole('heading').textContent()) ?? '')?.[1]
    await expect.poll(() => caretClause(chair)).toBe(paragraph)
    await chair.keyboard.press('Control+Alt+a')
    await expect.poll(() => chair.evaluate(() => document.activeElement?.getAttribute('data-amendment'))).toBe(amendment.label)
  })

  it('shows pending amendments in the text, labelled with number and delegation, with a toggle', async () => {
    const amendment = await proposeAsKazakhstan('every learner', 'all learners')
    const chair = await openAs('Aigerim Seitkali', true)
    const tag = chair.locator('.amendment-tag')
    await expect.poll(() => tag.textContent()).toBe(`${amendment.label} KAZ`)
    expect(await chair.locator('.amendment-del').textContent()).toBe('every learner')
    expect(await chair.locator('.amendment-ins').textContent()).toBe('all learners')
    await expectNoAxeViolations(chair)
    await chair.getByLabel('Amendments in the text').selectOption('none')
    await expect.poll(() => tag.count()).toBe(0)
    await chair.getByLabel('Amendments in the text').selectOption({ label: 'Only Kazakhstan’s' })
    await expect.poll(() => tag.count()).toBe(1)
  })
})
