import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { caretAtEnd, expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'

/** The page speaks `language` throughout: `<html lang>`, no English left, nothing for axe to find. */
async function expectSpoken(page: Page, language: 'kk' | 'ru'): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr')
  expect(await englishLeft(page)).toEqual([])
  await expectNoAxeViolations(page)
}

describe('the interface in Kazakh and Russian', () => {
  it('switches the sign-in page by keyboard, announces it, and keeps the choice across a reload and into the account', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    await page.getByLabel('Language').focus()
    await page.keyboard.press('ArrowDown')
    await page.getByRole('heading', { name: 'Кіру', exact: true }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Интерфейс тілі: Қазақша' }).waitFor()
    await expectSpoken(page, 'kk')
    await page.reload()
    await page.getByRole('heading', { name: 'Кіру', exact: true }).waitFor()

    await page.getByLabel('Тіл').selectOption('ru')
    await page.getByRole('heading', { name: 'Вход', exact: true }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Язык интерфейса: Русский' }).waitFor()
    await expectSpoken(page, 'ru')

    // Chosen before signing in, the language becomes the person's own: a new browser signing in gets it from the server.
    await signInAs(page, 'Aigerim Seitkali', 'Декларации')
    const elsewhere = await openApp(suite.browser(), suite.server().url)
    await elsewhere.getByRole('heading', { name: 'Sign in', exact: true }).waitFor()
    await signInAs(elsewhere, 'Aigerim Seitkali', 'Декларации')
    await expectSpoken(elsewhere, 'ru')
  })

  it('shows the participants and signatures pages in Kazakh and Russian, kept on the server across a reload and a new sign-in', async () => {
    // A pending invitation puts a role and an expiry date on the page.
    const chair = await startSession(suite.server().url)
    const invitation = { name: 'Айгүл Сапарова', login: 'aigul', delegation: 'KAZ', role: 'observer' }
    expect((await api(suite.server().url, 'POST', `/api/declarations/${DOC}/invitations`, { token: chair, body: invitation })).status).toBe(201)
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    await page.goto(`${suite.server().url}/d/${DOC}/participants`)
    await page.getByRole('heading', { name: 'People and roles' }).waitFor()
    await page.getByLabel('Language').selectOption('kk')
    await page.getByRole('heading', { name: 'Қатысушылар мен рөлдер' }).waitFor()
    await page.locator('.invitations li').filter({ hasText: /рөлі «Бақылаушы», .+ дейін жарамды/ }).waitFor()
    await expectSpoken(page, 'kk')

    await page.reload()
    await page.getByRole('heading', { name: 'Қатысушылар мен рөлдер' }).waitFor()
    await page.goto(`${suite.server().url}/d/${DOC}/signatures`)
    await page.getByRole('heading', { name: 'Қолтаңбалар', exact: true }).waitFor()
    await page.getByText('Қол қойғандар: қатысушы 9 делегацияның 0. Қол қоюы тиістілер: 2.').waitFor()
    await expectSpoken(page, 'kk')

    // The choice is kept on the account once the server has it, which the next browser relies on.
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/session/language') && response.request().method() === 'PUT' && response.ok()), page.getByLabel('Тіл').selectOption('ru')])
    await page.getByRole('heading', { name: 'Подписи', exact: true }).waitFor()
    await page.getByText('Подписали: 0 из 9 участвующих делегаций. Должны подписать: 2.').waitFor()
    await expectSpoken(page, 'ru')

    // A browser that has never seen the choice, in English, follows the account once signed in.
    const fresh = await openApp(suite.browser(), suite.server().url)
    await signInAs(fresh, 'Aigerim Seitkali', 'Декларации')
    await fresh.goto(`${suite.server().url}/d/${DOC}/participants`)
    await fresh.getByRole('heading', { name: 'Участники и роли' }).waitFor()
    await fresh.locator('.invitations li').filter({ hasText: /роль «Наблюдатель», действует до \d+ .+ \d{4}/ }).waitFor()
    await expectSpoken(fresh, 'ru')
  })

  it("greets a visitor in their browser's language", async () => {
    const context = await suite.browser().newContext({ locale: 'ru-RU' })
    const page = await context.newPage()
    await page.goto(suite.server().url)
    await page.getByRole('heading', { name: 'Вход', exact: true }).waitFor()
    await expectSpoken(page, 'ru')
  })

  it("explains a refused change by its close code in the reader's language, never with the server's reason text", async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    // Stands in for the server refusing the one frame carrying these words, with an English reason.
    await page.routeWebSocket(/\/sync\//, (route) => {
      const server = route.connectToServer()
      let refuseOnce = true
      route.onMessage((message) => {
        if (refuseOnce && typeof message !== 'string' && message.includes('REFUSE ME')) {
          refuseOnce = false
          void route.close({ code: 4522, reason: 'The declaration is locked for signature.' })
          return
        }
        server.send(message)
      })
    })
    await page.getByLabel('Language').selectOption('ru')
    await signInAs(page, 'James Whitfield', 'Декларации')
    await page.getByRole('link', { name: 'Almaty Declaration on Inclusive Education' }).click()
    await page.getByText('Все изменения сохранены').waitFor()
    await caretAtEnd(page, 'OP2')
    await page.keyboard.insertText(' REFUSE ME')

    const notice = page.getByRole('region', { name: 'Ваш неотправленный текст' })
    const alert = notice.getByRole('alert')
    await alert.filter({ hasText: 'Сервер отклонил изменение' }).waitFor()
    expect(await alert.textContent()).not.toContain('locked for signature')
    await notice.getByRole('button', { name: 'Копировать неотправленный текст' }).waitFor()
  })
})
