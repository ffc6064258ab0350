import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { wallClockIn } from '../../shared/silence/zonedTime.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { catalogueWords } from '../helpers/catalogueWords.js'
import { selectionSettled } from '../helpers/editorCaret.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { openOnPhone } from '../helpers/layout.js'
import { caretAtEnd, clause, expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { base, lockFinalText } from '../helpers/silence.js'

const suite = browserSuite()
const TITLE = 'Almaty Declaration on Inclusive Education'

/** No English left on the page, and nothing for axe to find. */
async function expectSpoken(page: Page, language: 'kk' | 'ru'): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language)
  expect(await englishLeft(page)).toEqual([])
  await expectNoAxeViolations(page)
}

/** Chooses the language on the sign-in page (it becomes the person's own), signs in, and opens the declaration in sync. */
async function openIn(page: Page, language: 'kk' | 'ru', person: string, editable: boolean): Promise<void> {
  await page.getByLabel('Language').selectOption(language)
  const t = catalogueWords(language)
  await signInAs(page, person, t('declarations.title'))
  await page.getByRole('link', { name: TITLE }).click()
  await page.locator(`.declaration-text[contenteditable="${editable}"]`).waitFor()
  await page.getByText(t(editable ? 'sync.saved' : 'sync.live')).waitFor()
}

/** What an editor of each language would write: a word added to OP2, a comment on it and a reply. */
const written = {
  kk: { word: 'мектептер', comment: 'Бұл сөз дұрыс па?', reply: 'Иә, келісемін.' },
  ru: { word: 'школы', comment: 'Это слово верно?', reply: 'Да, согласен.' },
}

describe.each(['kk', 'ru'] as const)('the editor and comments in %s', (language) => {
  const t = catalogueWords(language)
  const { word, comment, reply } = written[language]

  it('an editor types, formats by keyboard, searches, and comments on a selection, replies and resolves', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await openIn(page, language, 'James Whitfield', true)
    await page.getByText(t('declaration.role', { role: t('role.editor') })).waitFor()
    await expectSpoken(page, language)

    await caretAtEnd(page, 'OP2')
    await page.keyboard.insertText(` ${word}`)
    await page.keyboard.press('Shift+Control+ArrowLeft')
    // The toolbar takes focus; the editor must hold the selection before it does.
    await selectionSettled(page, word)
    await pressByKeyboard(page, t('editor.toolbar.bold'), { backwards: true })
    await expect.poll(() => clause(page, 'OP2').locator('strong').textContent()).toBe(word)
    await page.getByText(t('sync.saved')).waitFor()

    const more = t('editor.toolbar.more')
    await pressByKeyboard(page, more)
    await page.getByRole('group', { name: more }).getByRole('button', { name: t('editor.toolbar.heading') }).waitFor()
    await expectSpoken(page, language)
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(t('editor.toolbar.makePreambular'))
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('group', { name: more }).count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(more)

    await caretAtEnd(page, 'OP2')
    await page.keyboard.press('Control+f')
    await page.keyboard.type(word)
    await page.getByRole('search', { name: t('editor.search.label') }).getByRole('status').filter({ hasText: t('editor.search.count', { count: 1 }) }).waitFor()
    await expectSpoken(page, language)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('search').count()).toBe(0)

    await caretAtEnd(page, 'OP2')
    await page.keyboard.press('Shift+Control+ArrowLeft')
    await expect.poll(() => page.getByLabel(t('comments.new.target')).locator('option').first().textContent()).toBe(t('comments.new.selected', { label: 'OP2', quote: word }))
    await page.getByLabel(t('comments.new.body')).fill(comment)
    await page.getByRole('button', { name: t('comments.new.submit') }).click()
    const thread = page.locator('.thread', { hasText: comment })
    await thread.getByRole('heading', { name: t('comments.thread.openTitle', { label: 'OP2' }) }).waitFor()
    await expect.poll(() => clause(page, 'OP2').getAttribute('data-threads')).toBe(t('comments.inParagraph', { count: 1 }))
    await page.getByRole('heading', { name: t('comments.heading', { count: 1 }) }).waitFor()
    await expectSpoken(page, language)

    await thread.getByLabel(t('comments.thread.reply')).fill(reply)
    await thread.getByRole('button', { name: t('comments.thread.send') }).click()
    await thread.getByText(reply).waitFor()
    await thread.getByRole('button', { name: t('comments.thread.resolve') }).click()
    await expect.poll(() => thread.count()).toBe(0)
    await page.getByLabel(t('comments.status')).selectOption('resolved')
    await thread.getByRole('heading', { name: t('comments.thread.resolvedTitle', { label: 'OP2' }) }).waitFor()
    await expectSpoken(page, language)
  })
})

describe('the declaration page in Russian', () => {
  it('the chair in Russian sees the progress summary, marks a paragraph agreed ad referendum, and reads the silence banner, also on a phone', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await openIn(page, 'ru', 'Aigerim Seitkali', true)
    await page.getByRole('button', { name: 'Ход работы', exact: true }).click()
    const summary = page.getByRole('table', { name: 'Пункты по статусу' })
    await summary.waitFor()
    await expectSpoken(page, 'ru')

    await page.getByRole('group', { name: 'Статус OP3' }).getByRole('button', { name: 'Ad referendum' }).click()
    await page.getByText('Пункт OP3 согласован ad referendum (с последующим утверждением правительством).').waitFor()
    await expect.poll(() => clause(page, 'OP3').locator('.status-badge').textContent()).toBe('◐ Ad referendum')
    expect(await summary.getByRole('row', { name: /постановляющей части/ }).getByRole('cell').allTextContents()).toEqual(['14', '1', '0', '15'])
    await expectSpoken(page, 'ru')

    // Placed under silence through the API: the form for it is on the versions page.
    const chair = await startSession(suite.server().url, 'chair')
    const version = await lockFinalText(suite.server().url, chair)
    // Two minutes short of three days, so the minute the deadline is written in never rounds it up to three days.
    const deadline = { ...wallClockIn(Date.now() + 72 * 3_600_000 - 120_000, 'Asia/Almaty'), timeZone: 'Asia/Almaty' }
    expect((await api(suite.server().url, 'POST', `${base}/silence`, { token: chair, body: { versionId: version.id, deadline } })).status).toBe(201)
    const banner = page.getByRole('region', { name: 'Процедура умолчания' })
    await banner.getByText('«Final text» находится на процедуре умолчания; ни одна делегация не нарушила молчание.').waitFor()
    await expect.poll(() => banner.getByRole('timer').textContent()).toMatch(/^Осталось: 2 дня, 23 часа и \d+ минут[аы]?\.$/)
    expect(await banner.textContent()).toContain('(Asia/Almaty)')
    await page.getByText('Заблокирован для подписания').waitFor()
    await expectSpoken(page, 'ru')

    const phone = await openOnPhone(suite.browser(), suite.server().url)
    await signInAs(phone, 'Aigerim Seitkali', 'Декларации')
    await phone.getByRole('link', { name: TITLE }).click()
    await phone.getByRole('region', { name: 'Процедура умолчания' }).waitFor()
    await phone.locator('.declaration-text').waitFor()
    await expectSpoken(phone, 'ru')
    await phone.getByRole('button', { name: 'Комментарии и участники' }).click()
    await phone.getByRole('button', { name: 'Закрыть комментарии и участников' }).waitFor()
    await expectSpoken(phone, 'ru')
  })
})
