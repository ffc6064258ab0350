import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { catalogueWords, sentencePattern } from '../helpers/catalogueWords.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { caretClause, pressByKeyboard } from '../helpers/keyboard.js'
import { expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
/** What a delegate of each language would write. */
const written = {
  kk: { words: ' және қыздар', justification: 'Қыздар жиі тыс қалады.' },
  ru: { words: ' и девочек', justification: 'Девочек часто упускают из виду.' },
}

/** Nothing of the page is left in English and axe finds nothing. */
async function expectSpoken(page: Page): Promise<void> {
  expect(await englishLeft(page)).toEqual([])
  await expectNoAxeViolations(page)
}

/** Shows the amendments in the side panel by keyboard: the second of its views, whatever its name in the interface language. */
async function showAmendments(page: Page): Promise<void> {
  const name = (await page.locator('.side-tabs button').nth(1).textContent()) ?? ''
  await pressByKeyboard(page, name)
  await page.locator('.amendments').waitFor()
}

const card = (page: Page, label: string) => page.locator(`.amendment[data-amendment="${label}"]`)
const startsWith = (words: string) => new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

describe.each(['kk', 'ru'] as const)('amendments in %s', (language) => {
  const t = catalogueWords(language)
  const { words: WORDS, justification: JUSTIFICATION } = written[language]
  const stances = (values: Record<string, string>, key = 'stances.proposed') => t(key, { ns: 'negotiation', ...values })
  const insert = t('change.insert', { ns: 'negotiation', words: WORDS })

  /** Signs in from the sign-in page switched to the language, and opens the declaration until its text is in. */
  async function openIn(name: string): Promise<Page> {
    const page = await openApp(suite.browser(), suite.server().url)
    await page.getByLabel('Language').selectOption(language)
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
    await signInAs(page, name, t('declarations.title'))
    await page.getByRole('link', { name: 'Almaty Declaration on Inclusive Education' }).click()
    await page.locator('.declaration-text .clause[data-label="OP1"]').waitFor()
    return page
  }

  it('an editor suggests an insertion, a Polish signatory supports it and the chair accepts it, with the compilation in between', async () => {
    const editor = await openIn('Ержан Нұрланұлы')
    const signatory = await openIn('Katarzyna Nowak')
    const chair = await openIn('Aigerim Seitkali')
    await expectSpoken(editor)

    const suggesting = startsWith(t('amendments.suggestion.switch'))
    await pressByKeyboard(editor, suggesting)
    expect(await editor.getByRole('button', { name: suggesting }).getAttribute('aria-pressed')).toBe('true')
    await editor.locator('.declaration-text').focus()
    await editor.keyboard.press('Control+End')
    const paragraph = await caretClause(editor)
    expect(paragraph).toMatch(/^OP\d+$/)
    await editor.keyboard.type(WORDS)
    await expect.poll(() => editor.locator('.suggestion-ins').textContent()).toBe(WORDS)
    expect(await editor.locator('.suggestion-code').textContent()).toBe(t('amendments.suggestion.tag', { code: 'KAZ' }))
    await editor.getByRole('form', { name: t('amendments.suggestion.formLabel', { label: paragraph }) }).waitFor()
    await expectSpoken(editor)

    await editor.getByLabel(t('amendments.justificationOptional')).focus()
    await editor.keyboard.type(JUSTIFICATION)
    await editor.keyboard.press('Tab')
    await editor.keyboard.press('Enter')
    await editor.getByText(t('amendments.suggestion.submitted', { label: paragraph })).waitFor()
    await expectSpoken(editor)

    await showAmendments(signatory)
    await card(signatory, 'A1').waitFor()
    expect(await card(signatory, 'A1').getByRole('heading').textContent()).toBe(t('amendments.cardTitle', { label: 'A1', paragraph, status: t('amendments.status.pending') }))
    expect(await card(signatory, 'A1').locator('.amendment__summary').textContent()).toBe(t('amendments.summary', { stances: stances({ proposer: 'Kazakhstan' }), change: insert }))
    expect(await card(signatory, 'A1').locator('.amendment__justification').textContent()).toBe(t('amendments.justification', { justification: JUSTIFICATION }))
    await pressByKeyboard(signatory, t('amendments.support'))
    await expect.poll(() => card(signatory, 'A1').getByRole('button', { name: t('amendments.support') }).getAttribute('aria-pressed')).toBe('true')
    await expectSpoken(signatory)

    const supported = stances({ proposer: 'Kazakhstan', supporters: 'Poland' }, 'stances.proposedSupported')
    await showAmendments(chair)
    await expect.poll(() => card(chair, 'A1').locator('.amendment__summary').textContent()).toBe(t('amendments.summary', { stances: supported, change: insert }))
    await expectSpoken(chair)

    // The compilation, while the amendment is still open.
    await editor.goto(`${suite.server().url}/d/${DOC}/compilation`)
    const line = editor.locator('[data-amendment="A1"] .compilation__line')
    await expect.poll(() => line.textContent()).toBe(t('compilationView.line', { label: 'A1', stances: supported, change: insert }))
    expect(await editor.getByRole('list', { name: t('compilationView.amendmentsOn', { label: paragraph }) }).count()).toBe(1)
    await expectSpoken(editor)

    await pressByKeyboard(chair, t('amendments.accept', { label: 'A1' }))
    await chair.getByLabel(t('amendments.statusFilter')).selectOption('all')
    const accepted = t('amendments.status.accepted')
    await expect.poll(() => card(chair, 'A1').getByRole('heading').textContent()).toBe(t('amendments.cardTitle', { label: 'A1', paragraph, status: accepted }))
    await expect.poll(() => card(chair, 'A1').locator('.amendment__decision').textContent()).toMatch(sentencePattern(t, 'amendments.decision', { status: accepted, name: 'Aigerim Seitkali' }, ['delegation', 'date']))
    await expectSpoken(chair)
    await expect.poll(() => line.count()).toBe(0)
    await expectSpoken(editor)
  })
})
