import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** A phone-sized browser context (375 px wide) with the app open at this address. */
export async function openOnPhone(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(url)
  return page
}

/** Fails if the page is wider than the window, that is if it would scroll sideways; names what sticks out. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    outside: [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && !element.closest('[role="region"]'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${Math.round(element.getBoundingClientRect().right)}`),
  }))
  expect(widths.document, `the page is ${widths.document} px wide in a ${widths.viewport} px window: ${widths.outside.join(', ')}`).toBe(widths.viewport)
}

/** Whether the element lies wholly inside the window as it is scrolled now. */
export async function isOnScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    // Scroll positions land on fractions of a pixel.
    return box.height > 0 && box.top > -1 && box.bottom < window.innerHeight + 1
  })
}
