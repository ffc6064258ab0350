import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { catalogueWords, sentencePattern, shownText } from '../helpers/catalogueWords.js'
import { confirmDialog } from '../helpers/confirmDialog.js'
import { englishLeft } from '../helpers/englishLeft.js'
import { untilServerHasEdit } from '../helpers/liveEdits.js'
import { caretAtEnd, expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
/** What a chair of each language would write: the versions' names and the words added between them. */
const written = {
  kk: { zero: 'Нөлдік жоба', final: 'Қорытынды мәтін', added: ' Алматыда толықтырылды.' },
  ru: { zero: 'Нулевой проект', final: 'Окончательный текст', added: ' Дополнено в Алматы.' },
}

describe.each(['kk', 'ru'] as const)('versions, redline, audit log and signing in %s', (language) => {
  const t = catalogueWords(language)
  const { zero, final, added } = written[language]
  const summary = `${t('versions.redline.changed', { ns: 'exports', labels: 'OP1', count: 1 })}.`
  const inserted = shownText(t, 'versions.redline.inserted', { text: added })

  /** The page speaks the language: `<html lang>`, no English left, nothing for axe to find. */
  async function expectSpoken(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
    expect(await englishLeft(page)).toEqual([])
    await expectNoAxeViolations(page)
  }

  /** Freezes the live draft by keyboard: the name typed into its field, Enter to submit. */
  async function freezeByKeyboard(page: Page, name: string): Promise<void> {
    await page.getByLabel(t('versions.freeze.name')).focus()
    await page.keyboard.type(name)
    await page.keyboard.press('Enter')
    await page.getByText(t('versions.freeze.done', { name })).waitFor()
  }

  it('the chair freezes and locks by keyboard; the signatory reviews the locked text with its redline and signs', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await chair.goto(`${suite.server().url}/d/${DOC}/versions`)
    await chair.getByRole('heading', { name: 'Versions', level: 1 }).waitFor()
    await chair.getByLabel('Language').selectOption(language)
    await chair.getByRole('heading', { name: t('versions.title'), level: 1 }).waitFor()
    await chair.getByText(t('versions.none')).waitFor()
    await expectSpoken(chair)
    await freezeByKeyboard(chair, zero)
    await expectSpoken(chair)

    // A change between the two versions gives the redline something to show.
    await chair.goto(`${suite.server().url}/d/${DOC}`)
    await chair.locator('.declaration-text[contenteditable="true"]').waitFor()
    await caretAtEnd(chair, 'OP1')
    await chair.keyboard.type(added)
    // The next freeze takes the server's text: wait until the edit has reached it.
    await untilServerHasEdit(suite.server().url, DOC, summary)
    await chair.goto(`${suite.server().url}/d/${DOC}/versions`)
    await freezeByKeyboard(chair, final)

    await chair.getByRole('button', { name: shownText(t, 'versions.table.changesFrom', { name: zero }) }).click()
    await chair.getByRole('heading', { name: t('versions.redlineTitle', { from: zero, to: final }) }).waitFor()
    await chair.getByText(`${t('versions.redline.summary')} ${summary}`).waitFor()
    await expect.poll(() => chair.locator('.redline__paragraph ins').first().textContent()).toBe(inserted)
    await expectSpoken(chair)

    await chair.getByRole('button', { name: shownText(t, 'versions.table.view', { name: final }) }).click()
    await chair.getByRole('heading', { name: shownText(t, 'versions.view.heading', { name: final }) }).waitFor()
    await expect.poll(() => chair.locator('.version-text .clause[data-label="OP1"]').textContent()).toMatch(new RegExp(`${added.trim().replace('.', '\\.')}$`))
    await expectSpoken(chair)

    // Locking by keyboard: the dialog opens on Cancel, Tab reaches the confirming button.
    await chair.getByRole('button', { name: t('versions.lock.button') }).focus()
    await chair.keyboard.press('Enter')
    await confirmDialog(chair).waitFor()
    await chair.keyboard.press('Tab')
    await expect.poll(() => chair.evaluate(() => document.activeElement?.textContent)).toBe(t('versions.lock.confirm'))
    await chair.keyboard.press('Enter')
    await confirmDialog(chair).waitFor({ state: 'detached' })
    await chair.getByText(t('versions.lock.done', { name: final })).waitFor()
    await expect.poll(() => chair.locator('.lock-banner').textContent()).toContain(shownText(t, 'versions.lockBanner', {}, { name: final }))

    await chair.getByRole('heading', { name: t('versions.audit.heading') }).waitFor()
    await chair.getByText(t('versions.audit.intact')).waitFor()
    const version = (seq: number, name: string) => t('versions.audit.version', { ns: 'exports', seq, name })
    await expect.poll(() => chair.locator('.audit-log__what bdi').allTextContents()).toEqual([
      t('versions.audit.frozen', { ns: 'exports', version: version(1, zero) }),
      t('versions.audit.frozen', { ns: 'exports', version: version(2, final) }),
      t('versions.audit.locked', { ns: 'exports', version: version(2, final) }),
    ])
    await expectSpoken(chair)

    const signatory = await openApp(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await signatory.goto(`${suite.server().url}/d/${DOC}/signatures`)
    await signatory.getByRole('heading', { name: 'Signatures', exact: true }).waitFor()
    await signatory.getByLabel('Language').selectOption(language)
    await signatory.getByRole('heading', { name: t('signForm.fullText', { version: final }) }).waitFor()
    await signatory.getByText(`${t('versions.redline.summary')} ${summary}`).waitFor()
    await expect.poll(() => signatory.locator('.redline__paragraph ins').first().textContent()).toBe(inserted)
    await expectSpoken(signatory)

    const sign = t('signForm.submit', { delegation: 'Poland' })
    await signatory.getByRole('button', { name: sign }).click()
    await confirmDialog(signatory).getByRole('button', { name: t('signForm.confirm', { delegation: 'Poland' }), exact: true }).click()
    await confirmDialog(signatory).waitFor({ state: 'detached' })
    const done = sentencePattern(t, 'signForm.done', { delegation: 'Poland' }, ['key'])
    await signatory.getByText(done).waitFor()
    expect(await signatory.getByText(done).textContent()).toMatch(/(?:^| )[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\b/)
    await expectSpoken(signatory)

    await signatory.goto(`${suite.server().url}/d/${DOC}/versions`)
    await signatory.getByRole('heading', { name: t('versions.title'), level: 1 }).waitFor()
    await signatory.getByRole('button', { name: shownText(t, 'versions.table.changesFrom', { name: zero }) }).click()
    await signatory.getByText(`${t('versions.redline.summary')} ${summary}`).waitFor()
    await expectSpoken(signatory)
  })
})
