import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** The open confirmation dialog. */
export function confirmDialog(page: Page): Locator {
  return page.getByRole('alertdialog')
}

/** Presses the confirming button of the open dialog and waits until the dialog is gone. */
export async function confirmInDialog(page: Page, button: string): Promise<void> {
  await confirmDialog(page).getByRole('button', { name: button, exact: true }).click()
  await confirmDialog(page).waitFor({ state: 'detached' })
}

/** Checks that the dialog holds the focus, then cancels it with Escape and checks that focus went back to the opener. */
export async function cancelWithEscape(page: Page, opener: Locator): Promise<void> {
  await confirmDialog(page).waitFor()
  expect(await confirmDialog(page).evaluate((dialog) => dialog.contains(document.activeElement) && (dialog as HTMLDialogElement).open)).toBe(true)
  await page.keyboard.press('Escape')
  await confirmDialog(page).waitFor({ state: 'detached' })
  expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true)
}
