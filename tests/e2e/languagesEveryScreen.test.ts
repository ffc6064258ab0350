import type { Browser, Page } from 'playwright-core'
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { almatyDeclarationText } from '../../server/src/seed/almatyDeclarationText.js'
import kkClient from '../../shared/i18n/locales/kk/client.json'
import ruClient from '../../shared/i18n/locales/ru/client.json'
import { wallClockIn } from '../../shared/silence/zonedTime.js'
import { api } from '../helpers/api.js'
import { proposeOverApi } from '../helpers/apiProposals.js'
import { spanAt } from '../helpers/amendments.js'
import { bracketOn, place } from '../helpers/brackets.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { catalogueWords } from '../helpers/catalogueWords.js'
import { clauseText } from '../helpers/declarationText.js'
import { caretAtEnd, signInAs } from '../helpers/pages.js'
import { screenFindings } from '../helpers/screenSweep.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'
import { base, DOC } from '../helpers/silence.js'
import type { TestServer } from '../helpers/testServer.js'

const suite = browserSuite()
const TITLE = 'Almaty Declaration on Inclusive Education'
const catalogues = { kk: kkClient, ru: ruClient }
const locales = { kk: 'kk-KZ', ru: 'ru-RU' }
type Language = keyof typeof catalogues
/** The start of a demo paragraph, bracketed: a quote the English check knows as the demo's own words. */
const BRACKETED = almatyDeclarationText.preambular[5]!.split(' ').slice(0, 4).join(' ')
/** What delegates of each language would write: the versions' names and the words amendments add. */
const written = {
  kk: { zero: 'Нөлдік жоба', final: 'Қорытынды мәтін', words: [' (Алматы)', ' барлығы үшін', ' міндетті түрде'] },
  ru: { zero: 'Нулевой проект', final: 'Окончательный текст', words: [' (Алматы)', ' для всех', ' обязательно'] },
}

/** A page in a browser whose preferred language is `language`, so the visitor is greeted, and answered by the server, in it. */
async function openIn(browser: Browser, url: string, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: locales[language] })
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(url)
  return page
}

/** Gives every screen something to say: amendments accepted, rejected and open, both drafting modes, a pending invitation, two versions, the draft locked and under silence. */
async function negotiatedAndLocked(server: TestServer, language: Language): Promise<{ invitationLink: string }> {
  const { zero, final, words } = written[language]
  const chair = await startSession(server.url, 'chair')
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await api(server.url, method, `${base}${path}`, { token: chair, body })
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300)
    return answer.body
  }
  await call('PUT', '/mode', { mode: 'negotiation' })
  await call('POST', '/versions', { name: zero })
  // Each adds its words at the end of a paragraph, so quotes of its start stay the demo's.
  const atEnd = (added: string) => (text: Y.XmlFragment, index: number) => spanAt(text, index, clauseText(text, index).length, clauseText(text, index).length, added)
  await proposeOverApi(server, 'editor-gbr', 1, atEnd(words[0]!), words[0]!)
  await proposeOverApi(server, 'editor-kaz', 2, atEnd(words[1]!), words[1]!)
  await proposeOverApi(server, 'signatory-pol', 3, atEnd(words[2]!), words[2]!)
  await call('POST', '/amendments/1/accept')
  await call('POST', '/amendments/2/reject', { reason: words[1] })
  await call('PUT', '/mode', { mode: 'open' })
  const synced = connectClient(server.wsUrl, DOC, chair)
  await whenSynced(synced)
  const bracket = await place(server.url, chair, bracketOn(synced, 5, BRACKETED))
  synced.destroy()
  await call('POST', `/brackets/${bracket.id}/resolve`, { action: 'lift' })
  const invitation = (await call('POST', '/invitations', { name: 'Айгүл Сапарова', login: 'aigul', delegation: 'KAZ', role: 'observer' })) as { link: string }
  const { version } = (await call('POST', '/versions', { name: final })) as { version: { id: string } }
  await call('POST', `/versions/${version.id}/lock`)
  const deadline = { ...wallClockIn(Date.now() + 72 * 3_600_000, 'Asia/Almaty'), timeZone: 'Asia/Almaty' }
  await call('POST', '/silence', { versionId: version.id, deadline })
  return { invitationLink: invitation.link }
}

/** Shows each view of the declaration page's side panel in turn, collecting what each screen gets wrong. */
async function sideTabFindings(page: Page, who: string): Promise<string[]> {
  const tabs = page.locator('.side-tabs button')
  const findings: string[] = []
  // Longer names in Kazakh and Russian must wrap, not run past the panel's edge where they are cut off.
  const cut = await page.locator('.side-tabs').evaluate((row) => {
    const edge = row.getBoundingClientRect().right
    return [...row.querySelectorAll('button')].filter((tab) => tab.getBoundingClientRect().right > edge + 1).map((tab) => tab.textContent)
  })
  if (cut.length > 0) findings.push(`${who}, declaration page: side tabs past the panel's edge: ${cut.join(', ')}`)
  for (let index = 0; index < (await tabs.count()); index++) {
    await tabs.nth(index).click()
    await page.locator(`.side-tabs button[aria-pressed="true"] >> nth=0`).filter({ hasText: (await tabs.nth(index).textContent()) ?? '' }).waitFor()
    findings.push(...(await screenFindings(page, `${who}, declaration page, side tab ${index + 1}`)))
  }
  return findings
}

describe.each(['kk', 'ru'] as const)('every screen in %s', (language) => {
  const words = catalogues[language]

  it('the sign-in page and its error, an invitation, and the chair on every screen of a negotiated declaration locked under silence', async () => {
    const { invitationLink } = await negotiatedAndLocked(suite.server(), language)
    const url = suite.server().url
    const findings: string[] = []

    const invitee = await openIn(suite.browser(), invitationLink, language)
    await invitee.getByRole('heading', { name: words.invitation.title }).waitFor()
    findings.push(...(await screenFindings(invitee, 'invitation')))

    const page = await openIn(suite.browser(), url, language)
    await page.getByRole('heading', { name: words.signIn.title, exact: true }).waitFor()
    findings.push(...(await screenFindings(page, 'sign-in')))
    await page.getByLabel(words.signIn.login, { exact: true }).fill('chair')
    await page.getByLabel(words.signIn.password, { exact: true }).fill('not the password')
    await page.getByRole('button', { name: words.signIn.submit, exact: true }).click()
    await page.getByRole('alert').waitFor()
    findings.push(...(await screenFindings(page, 'sign-in error')))

    await signInAs(page, 'Aigerim Seitkali', words.declarations.title)
    findings.push(...(await screenFindings(page, 'declaration list')))
    await page.getByRole('link', { name: TITLE }).click()
    await page.getByRole('region', { name: words.silence.region }).waitFor()
    await page.locator('.lock-banner').waitFor()
    findings.push(...(await sideTabFindings(page, 'chair')))

    await page.goto(`${url}/d/${DOC}/compilation`)
    await page.locator('.compilation__line').first().waitFor()
    findings.push(...(await screenFindings(page, 'compilation')))

    await page.goto(`${url}/d/${DOC}/versions`)
    await page.getByRole('heading', { name: words.versions.audit.heading }).waitFor()
    // The entries the negotiation left each read as a sentence of their own.
    const t = catalogueWords(language)
    for (const sentence of [
      t('versions.audit.amendment.accepted', { ns: 'exports', amendment: 'A1', delegation: 'United Kingdom' }),
      t('versions.audit.amendment.rejected', { ns: 'exports', amendment: 'A2', delegation: 'Kazakhstan' }),
      t('versions.audit.modeChanged', { ns: 'exports', from: t('versions.mode.negotiation', { ns: 'exports' }), to: t('versions.mode.open', { ns: 'exports' }) }),
      t('versions.audit.bracket.bracketLifted', { ns: 'exports', quote: BRACKETED }),
    ]) {
      await page.locator('.audit-log__what bdi').filter({ hasText: sentence }).first().waitFor()
    }
    findings.push(...(await screenFindings(page, 'versions and audit log')))
    await page.getByRole('row', { name: new RegExp(written[language].zero) }).getByRole('button').nth(1).click()
    await page.locator('.redline__paragraph ins').first().waitFor()
    findings.push(...(await screenFindings(page, 'redline')))
    await page.getByRole('row', { name: new RegExp(written[language].final) }).getByRole('button').first().click()
    await page.locator('.version-text .clause').first().waitFor()
    findings.push(...(await screenFindings(page, 'version view')))

    await page.goto(`${url}/d/${DOC}/signatures`)
    await page.getByRole('heading', { name: words.signatures.title, exact: true }).waitFor()
    findings.push(...(await screenFindings(page, 'signatures')))

    await page.goto(`${url}/d/${DOC}/participants`)
    await page.getByRole('heading', { name: words.members.heading }).waitFor()
    findings.push(...(await screenFindings(page, 'participants')))

    expect(findings).toEqual([])
  })

  it('an editor, a signatory and an observer on the declaration page and the signatures of a negotiated declaration locked under silence', async () => {
    await negotiatedAndLocked(suite.server(), language)
    const url = suite.server().url
    const findings: string[] = []
    for (const name of ['James Whitfield', 'Katarzyna Nowak', 'Siti Rahmawati']) {
      const other = await openIn(suite.browser(), url, language)
      await signInAs(other, name, words.declarations.title)
      await other.getByRole('link', { name: TITLE }).click()
      await other.getByRole('region', { name: words.silence.region }).waitFor()
      findings.push(...(await sideTabFindings(other, name)))
      await other.goto(`${url}/d/${DOC}/signatures`)
      await other.getByRole('heading', { name: words.signatures.title, exact: true }).waitFor()
      findings.push(...(await screenFindings(other, `${name}, signatures`)))
    }
    expect(findings).toEqual([])
  })

  it("an editor's change refused by the server, and the unsent words kept", async () => {
    const page = await openIn(suite.browser(), suite.server().url, language)
    // Stands in for the server refusing the one frame carrying these words.
    await page.routeWebSocket(/\/sync\//, (route) => {
      const server = route.connectToServer()
      let refuseOnce = true
      route.onMessage((message) => {
        if (refuseOnce && typeof message !== 'string' && message.includes('REFUSE ME')) {
          refuseOnce = false
          void route.close({ code: 4522, reason: 'Refused.' })
          return
        }
        server.send(message)
      })
    })
    await signInAs(page, 'James Whitfield', words.declarations.title)
    await page.getByRole('link', { name: TITLE }).click()
    await page.locator('.declaration-text[contenteditable="true"]').waitFor()
    await caretAtEnd(page, 'OP2')
    await page.keyboard.insertText(' REFUSE ME')
    await page.getByRole('region', { name: words.drafts.heading }).getByRole('alert').waitFor()
    expect(await screenFindings(page, 'refused change')).toEqual([])
  })
})
