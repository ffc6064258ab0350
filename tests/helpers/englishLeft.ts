import type { Page } from 'playwright-core'
import { demoAccounts } from '../../server/src/seed/demoAccounts.js'
import { almatyDeclarationText } from '../../server/src/seed/almatyDeclarationText.js'
import { demoDelegations } from '../../server/src/seed/demoDelegations.js'

/** Words that stay as they are in every language: the product's name, formats, time zones, a Latin term, and the demo's names and codes. */
const allowed = [
  'Kelisim',
  'UTC',
  'GMT',
  'README',
  'SHA-256',
  'PDF',
  'DOCX',
  'JSON',
  'ad referendum',
  'Microsoft Word',
  'Ad referendum',
  ...demoAccounts.flatMap((account) => [account.name, account.login]),
  ...demoDelegations.flatMap((delegation) => [delegation.name, delegation.code]),
].sort((a, b) => b.length - a.length)

/** The demo declaration's own paragraphs: what people wrote, quoted by the interface where no markup can set it apart (a list's options). */
const demoParagraphs = [...almatyDeclarationText.preambular, ...almatyDeclarationText.operative]

/** The text without any quoted start of a demo paragraph (a quote may be cut short, so the longest start found is taken out). */
function withoutDemoQuotes(text: string): string {
  let rest = text
  for (const paragraph of demoParagraphs) {
    const at = rest.indexOf(paragraph.slice(0, 20))
    if (at < 0) continue
    let length = 20
    while (length < paragraph.length && rest[at + length] === paragraph[length]) length++
    rest = rest.slice(0, at) + rest.slice(at + length)
  }
  return rest
}

/** Labels and names that stay Latin in every language (see the glossary): paragraphs (PP1, OP7bis, OP3-21, and the kinds PP and OP), revisions (Rev.1), keys (Ctrl+Alt+A) and time zones by their IANA names (Asia/Almaty). */
const latinLabels = /\b(?:(?:PP|OP)\d*(?:[a-z]+|-\d+)?|Rev\.\d+|Ctrl|Alt|Shift|[A-Z][a-z]+(?:\/[A-Z][A-Za-z_]+)+)\b/g

/**
 * The interface text on the page that is still English: visible text and the aria-label, title, placeholder and alt
 * attributes, leaving out what people wrote (marked with `dir`, or quoted from the demo declaration), code, keys of the keyboard, and text marked as another language.
 */
export async function englishLeft(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // The root element carries the page's own lang and dir, so only marks inside the body set text apart.
    const isInterface = (element: Element | null) => !element?.closest('body [dir], body code, body kbd, body script, body style, body [lang]')
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      if (text && isInterface(node.parentElement)) found.push(text)
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!isInterface(element)) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)
        if (value) found.push(value)
      }
    }
    return found
  })
  return texts.filter((text) => /[A-Za-z]{2,}/.test(allowed.reduce((rest, word) => rest.split(word).join(''), withoutDemoQuotes(text).replace(latinLabels, ''))))
}
