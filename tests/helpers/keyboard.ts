import type { Page } from 'playwright-core'

/** Moves focus by Tab alone (Shift+Tab when `backwards`) until the button has it, then presses Enter, as a keyboard user would. */
export async function pressByKeyboard(page: Page, name: string | RegExp, { backwards = false } = {}): Promise<void> {
  const target = page.getByRole('button', { name })
  for (let step = 0; step < 200; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return page.keyboard.press('Enter')
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${String(name)} cannot be reached with Tab`)
}

/** The label of the paragraph the caret is in, or '' outside any. */
export function caretClause(page: Page): Promise<string> {
  return page.evaluate(() => {
    const node = window.getSelection()?.anchorNode
    const element = node instanceof Element ? node : node?.parentElement
    return element?.closest('.clause')?.getAttribute('data-label') ?? ''
  })
}
