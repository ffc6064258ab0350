import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { wallClockIn } from '../../shared/silence/zonedTime.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { openOnPhone } from '../helpers/layout.js'
import { caretAtEnd, clause, expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { base, lockFinalText } from '../helpers/silence.js'

const suite = browserSuite()
const TITLE = 'Almaty Declaration on Inclusive Education'

/** The interface words of each language this file waits for. */
const words = {
  kk: { declarations: 'Декларациялар', saved: 'Барлық өзгеріс сақталды', live: /^Тікелей:/ },
  ru: { declarations: 'Декларации', saved: 'Все изменения сохранены', live: /^В реальном времени:/ },
}

/** No English left on the page, and nothing for axe to find. */
async function expectSpoken(page: Page, language: 'kk' | 'ru'): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language)
  expect(await englishLeft(page)).toEqual([])
  await expectNoAxeViolations(page)
}

/** Chooses the language on the sign-in page (it becomes the person's own), signs in, and opens the declaration in sync. */
async function openIn(page: Page, language: 'kk' | 'ru', person: string, editable: boolean): Promise<void> {
  await page.getByLabel('Language').selectOption(language)
  await signInAs(page, person, words[language].declarations)
  await page.getByRole('link', { name: TITLE }).click()
  await page.locator(`.declaration-text[contenteditable="${editable}"]`).waitFor()
  await page.getByText(editable ? words[language].saved : words[language].live).waitFor()
}

describe('the editor, comments and declaration page in Kazakh and Russian', () => {
  it('an editor in Kazakh types, formats by keyboard, searches, and comments on a selection, replies and resolves', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await openIn(page, 'kk', 'James Whitfield', true)
    await page.getByText('Сіздің рөліңіз: Редактор').waitFor()
    await expectSpoken(page, 'kk')

    await caretAtEnd(page, 'OP2')
    await page.keyboard.insertText(' мектептер')
    await page.keyboard.press('Shift+Control+ArrowLeft')
    await pressByKeyboard(page, 'Қалың', { backwards: true })
    await expect.poll(() => clause(page, 'OP2').locator('strong').textContent()).toBe('мектептер')
    await page.getByText('Барлық өзгеріс сақталды').waitFor()

    await pressByKeyboard(page, 'Басқа пішімдеу')
    await page.getByRole('group', { name: 'Басқа пішімдеу' }).getByRole('button', { name: 'Бөлім тақырыбы' }).waitFor()
    await expectSpoken(page, 'kk')
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Преамбула тармағы ету (PP)')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('group', { name: 'Басқа пішімдеу' }).count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Басқа пішімдеу')

    await caretAtEnd(page, 'OP2')
    await page.keyboard.press('Control+f')
    await page.keyboard.type('мектептер')
    await page.getByRole('search', { name: 'Мәтіннен іздеу' }).getByRole('status').filter({ hasText: '1 сәйкестік' }).waitFor()
    await expectSpoken(page, 'kk')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('search').count()).toBe(0)

    await caretAtEnd(page, 'OP2')
    await page.keyboard.press('Shift+Control+ArrowLeft')
    await expect.poll(() => page.getByLabel('Пікір нысаны').locator('option').first().textContent()).toBe('OP2 ішіндегі белгіленген мәтін: «мектептер»')
    await page.getByLabel(/^Жаңа пікір/).fill('Бұл сөз дұрыс па?')
    await page.getByRole('button', { name: 'Пікір қосу' }).click()
    const thread = page.locator('.thread', { hasText: 'Бұл сөз дұрыс па?' })
    await thread.getByRole('heading', { name: 'OP2 — ашық' }).waitFor()
    await expect.poll(() => clause(page, 'OP2').getAttribute('data-threads')).toBe('1 пікір')
    await page.getByRole('heading', { name: 'Пікірлер (ашығы: 1)' }).waitFor()
    await expectSpoken(page, 'kk')

    await thread.getByLabel('Жауап').fill('Иә, келісемін.')
    await thread.getByRole('button', { name: 'Жауап жіберу' }).click()
    await thread.getByText('Иә, келісемін.').waitFor()
    await thread.getByRole('button', { name: 'Шешілді деп белгілеу' }).click()
    await expect.poll(() => thread.count()).toBe(0)
    await page.getByLabel('Күйі').selectOption('resolved')
    await thread.getByRole('heading', { name: 'OP2 — шешілді' }).waitFor()
    await expectSpoken(page, 'kk')
  })

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
    const deadline = { ...wallClockIn(Date.now() + 72 * 3_600_000, 'Asia/Almaty'), timeZone: 'Asia/Almaty' }
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
