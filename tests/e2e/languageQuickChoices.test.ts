import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { openApp, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

describe('two quick language choices', () => {
  it('keep the later one on the server, though the answer to the first comes last', async () => {
    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Aigerim Seitkali')
    // The first choice's PUT is held until the second choice is made: the order a slow network can give them.
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let firstHeld = () => {}
    const held = new Promise<void>((resolve) => (firstHeld = resolve))
    const sent: string[] = []
    await page.route('**/api/session/language', async (route) => {
      const body = route.request().postData() ?? ''
      sent.push(body)
      if (sent.length === 1) {
        firstHeld()
        await released
      }
      await route.continue()
    })
    await page.getByLabel('Language').selectOption('kk')
    await held
    const answered = (language: string) => page.waitForResponse((response) => response.url().endsWith('/api/session/language') && (response.request().postData() ?? '').includes(`"${language}"`))
    const firstAnswered = answered('kk')
    const secondAnswered = answered('ru')
    await page.getByLabel('Тіл').selectOption('ru')
    await page.getByLabel('Язык').waitFor()
    release()
    // Both answered, in whatever order they came, before the server is asked what it kept.
    expect((await firstAnswered).ok()).toBe(true)
    expect((await secondAnswered).ok()).toBe(true)
    const kept = await page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { language: string | null }).language)
    expect(kept).toBe('ru')
    expect(sent.map((body) => (JSON.parse(body) as { language: string }).language)).toEqual(['kk', 'ru'])
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
  })
})
