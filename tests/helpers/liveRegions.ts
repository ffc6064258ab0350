import type { Page } from 'playwright-core'

const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]'

/** Starts recording what the page's live regions say from now on. A screen reader speaks a change only in a region that was already there and may drop it when the region goes, so only regions there before and still there count. */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate((selector) => {
    const regions = [...document.querySelectorAll(selector)]
    const said: { region: Element; words: string }[] = []
    Object.assign(window, { announcementsSaid: said })
    new MutationObserver((mutations) => {
      const changed = new Set(regions.filter((region) => region.isConnected && mutations.some((mutation) => region.contains(mutation.target))))
      for (const region of changed) if (region.textContent?.trim()) said.push({ region, words: region.textContent.trim() })
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  }, LIVE)
  return () =>
    page.evaluate(() =>
      (window as unknown as { announcementsSaid: { region: Element; words: string }[] }).announcementsSaid.filter(({ region }) => region.isConnected).map(({ words }) => words),
    )
}
