import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmDialog } from '../helpers/confirmDialog.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { caretAtEnd, expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'

/** The page speaks `language`: `<html lang>`, no English left, nothing for axe to find. */
async function expectSpoken(page: Page, language: 'kk' | 'ru'): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
  expect(await englishLeft(page)).toEqual([])
  await expectNoAxeViolations(page)
}

/** Freezes the live draft by keyboard: the name typed into its field, Enter to submit. */
async function freezeByKeyboard(page: Page, name: string, done: string): Promise<void> {
  await page.getByLabel(/Нұсқаның атауы/).focus()
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await page.getByText(done).waitFor()
}

describe('versions, redline, audit log and signing in Kazakh and Russian', () => {
  it('the chair in Kazakh freezes and locks by keyboard; the signatory in Russian reviews the locked text with its redline and signs', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await chair.goto(`${suite.server().url}/d/${DOC}/versions`)
    await chair.getByRole('heading', { name: 'Versions', level: 1 }).waitFor()
    await chair.getByLabel('Language').selectOption('kk')
    await chair.getByRole('heading', { name: 'Нұсқалар', level: 1 }).waitFor()
    await chair.getByText('Әлі ешбір нұсқа бекітілген жоқ.').waitFor()
    await expectSpoken(chair, 'kk')
    await freezeByKeyboard(chair, 'Нөлдік жоба', '«Нөлдік жоба» бекітілді.')
    await expectSpoken(chair, 'kk')

    // A change between the two versions gives the redline something to show.
    await chair.goto(`${suite.server().url}/d/${DOC}`)
    await chair.locator('.declaration-text[contenteditable="true"]').waitFor()
    await caretAtEnd(chair, 'OP1')
    await chair.keyboard.type(' Алматыда толықтырылды.')
    // The next freeze takes the server's text: wait until the edit has reached it.
    const token = await startSession(suite.server().url)
    const [zero] = (await api(suite.server().url, 'GET', `/api/declarations/${DOC}/versions`, { token })).body as { id: string }[]
    // The API words its summary in the chair's language, kept on the account.
    await expect.poll(async () => ((await api(suite.server().url, 'GET', `/api/declarations/${DOC}/redline?from=${zero!.id}&to=live`, { token })).body as { summary: string }).summary).toBe('OP1 өзгерді.')
    await chair.goto(`${suite.server().url}/d/${DOC}/versions`)
    await freezeByKeyboard(chair, 'Қорытынды мәтін', '«Қорытынды мәтін» бекітілді.')

    await chair.getByRole('button', { name: 'Нөлдік жоба нұсқасынан бергі өзгерістер' }).click()
    await chair.getByRole('heading', { name: '«Нөлдік жоба» нұсқасынан «Қорытынды мәтін» нұсқасына дейінгі өзгерістер' }).waitFor()
    await chair.getByText('Қысқаша: OP1 өзгерді.').waitFor()
    await expect.poll(() => chair.locator('.redline__paragraph ins').first().textContent()).toBe('[қосылды:  Алматыда толықтырылды.]')
    await expectSpoken(chair, 'kk')

    await chair.getByRole('button', { name: 'Қарау (Қорытынды мәтін)' }).click()
    await chair.getByRole('heading', { name: '«Қорытынды мәтін» (тек оқу үшін)' }).waitFor()
    await expect.poll(() => chair.locator('.version-text .clause[data-label="OP1"]').textContent()).toMatch(/Алматыда толықтырылды\.$/)
    await expectSpoken(chair, 'kk')

    // Locking by keyboard: the dialog opens on Cancel, Tab reaches the confirming button.
    await chair.getByRole('button', { name: 'Қол қою үшін бұғаттау' }).focus()
    await chair.keyboard.press('Enter')
    await confirmDialog(chair).waitFor()
    await chair.keyboard.press('Tab')
    await expect.poll(() => chair.evaluate(() => document.activeElement?.textContent)).toBe('Қол қою үшін бұғаттау')
    await chair.keyboard.press('Enter')
    await confirmDialog(chair).waitFor({ state: 'detached' })
    await chair.getByText('Жоба «Қорытынды мәтін» нұсқасы бойынша қол қою үшін бұғатталды.').waitFor()
    await chair.locator('.lock-banner').getByText('қол қою үшін бұғатталған').waitFor()

    await chair.getByRole('heading', { name: 'Аудит журналы' }).waitFor()
    await chair.getByText('Хеш тізбегі бүтін.').waitFor()
    await expect.poll(() => chair.locator('.audit-log__what bdi').allTextContents()).toEqual([
      'Нұсқаны бекітті: 1-нұсқа («Нөлдік жоба»)',
      'Нұсқаны бекітті: 2-нұсқа («Қорытынды мәтін»)',
      'Жобаны қол қою үшін бұғаттады: 2-нұсқа («Қорытынды мәтін»)',
    ])
    await expectSpoken(chair, 'kk')

    const signatory = await openApp(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await signatory.goto(`${suite.server().url}/d/${DOC}/signatures`)
    await signatory.getByRole('heading', { name: 'Signatures', exact: true }).waitFor()
    await signatory.getByLabel('Language').selectOption('ru')
    await signatory.getByRole('heading', { name: 'Полный текст версии «Қорытынды мәтін»' }).waitFor()
    await signatory.getByText('Кратко: OP1 изменён.').waitFor()
    await expect.poll(() => signatory.locator('.redline__paragraph ins').first().textContent()).toBe('[вставлено:  Алматыда толықтырылды.]')
    await expectSpoken(signatory, 'ru')

    await signatory.getByRole('button', { name: 'Подписать от имени делегации Poland' }).click()
    await confirmDialog(signatory).getByRole('button', { name: 'Подписать от имени делегации Poland', exact: true }).click()
    await confirmDialog(signatory).waitFor({ state: 'detached' })
    await signatory.getByText(/^Подписано от имени делегации Poland ключом [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\.$/).waitFor()
    await expectSpoken(signatory, 'ru')

    await signatory.goto(`${suite.server().url}/d/${DOC}/versions`)
    await signatory.getByRole('heading', { name: 'Версии', level: 1 }).waitFor()
    await signatory.getByRole('button', { name: 'Изменения после Нөлдік жоба' }).click()
    await signatory.getByText('Кратко: OP1 изменён.').waitFor()
    await expectSpoken(signatory, 'ru')
  })
})
