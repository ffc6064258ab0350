import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { englishLeft } from './englishLeft.js'

/** How many Tab presses each screen is checked for a visible focus indicator. */
const TAB_STOPS = 6

/**
 * What is wrong with the screen shown, each finding named after `screen`: English left on it, accessibility violations,
 * and elements reached by Tab that show no focus indicator (neither an outline nor a box-shadow).
 */
export async function screenFindings(page: Page, screen: string): Promise<string[]> {
  const english = (await englishLeft(page)).map((text) => `${screen}: English "${text}"`)
  const { violations } = await new AxeBuilder({ page }).analyze()
  const axe = violations.map((violation) => `${screen}: axe ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  const unfocused: string[] = []
  for (let press = 0; press < TAB_STOPS; press++) {
    await page.keyboard.press('Tab')
    const missing = await page.evaluate(() => {
      const focused = document.activeElement
      if (!focused || focused === document.body) return null
      const style = getComputedStyle(focused)
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      if (outlined || style.boxShadow !== 'none') return null
      const name = focused.getAttribute('aria-label') ?? focused.textContent?.trim().slice(0, 40) ?? ''
      return `<${focused.tagName.toLowerCase()}${focused.className ? ` class="${String(focused.className)}"` : ''}> ${name}`
    })
    if (missing) unfocused.push(`${screen}: no visible focus on ${missing}`)
  }
  return [...english, ...axe, ...unfocused]
}
