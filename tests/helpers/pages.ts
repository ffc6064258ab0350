import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { caretSettled } from './editorCaret.js'

/** A fresh browser context (its own cookies and storage) with the app open. */
export async function openApp(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(baseUrl)
  return page
}

/** Signs in with the one-click demo list, as a visitor to the demo would; the list's heading names the language it is in. */
export async function signInAs(page: Page, name: string, listHeading = 'Declarations'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name} —`) }).click()
  await page.getByRole('heading', { name: listHeading }).waitFor()
}

/** Signs in through the login form. */
export async function signInWithPassword(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Login').fill(login)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('heading', { name: 'Declarations' }).waitFor()
}

/** Opens the Almaty Declaration from the list and waits until its text is shown and in sync. */
export async function openDeclaration(page: Page, options: { editable?: boolean } = {}): Promise<void> {
  await page.getByRole('link', { name: 'Almaty Declaration on Inclusive Education' }).click()
  await page.locator(`.declaration-text[contenteditable="${options.editable ?? true}"]`).waitFor()
  await page.getByText(options.editable === false ? /^Live:/ : 'All changes saved').waitFor()
}

/** Fails with the list of rules broken if axe finds any accessibility violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The text of the clause with this label (PP1, OP3) as the page shows it. */
export function clause(page: Page, label: string) {
  return page.locator(`.clause[data-label="${label}"]`)
}

/** A clause's own text, without the labels of other people's carets inside it. */
export function clauseText(page: Page, label: string): Promise<string> {
  return clause(page, label).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    // Others' carets and the notes of proposed paragraph amendments are shown in the paragraph but are not its text.
    for (const shown of copy.querySelectorAll('.collab-caret, .amendment-para-note')) shown.remove()
    return copy.textContent ?? ''
  })
}

/** Puts the caret after the last character of a clause by clicking past the end of its last line. */
export async function caretAtEnd(page: Page, label: string): Promise<void> {
  const box = await clause(page, label).boundingBox()
  if (!box) throw new Error(`clause ${label} is not visible`)
  await clause(page, label).click({ position: { x: box.width - 2, y: box.height - 4 } })
  // A key pressed before the editor has taken up the click would act where the caret was before.
  await caretSettled(page, 'clause')
}

/** Puts the caret before the first character of a clause. */
export async function caretAtStart(page: Page, label: string): Promise<void> {
  await clause(page, label).click({ position: { x: 58, y: 4 } })
  await page.keyboard.press('Home')
  await caretSettled(page, 'clause', 'start')
}
