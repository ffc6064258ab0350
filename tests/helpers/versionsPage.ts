import type { Page } from 'playwright-core'

/** Freezes the live draft as `name` from the versions page and waits for the notice that says so. */
export async function freezeOnVersionsPage(page: Page, name: string): Promise<void> {
  await page.getByLabel(/Version name/).fill(name)
  await page.getByRole('button', { name: 'Freeze version' }).click()
  await page.getByText(`“${name}” is frozen.`).waitFor()
}
