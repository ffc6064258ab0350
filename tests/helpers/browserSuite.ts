import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchBrowser } from './browser.js'
import { startTestServer, type TestServer } from './testServer.js'

/** One Chromium for the file and a fresh seeded server per test; every page's context is closed after it. */
export function browserSuite(): { browser: () => Browser; server: () => TestServer; replaceServer: (next: TestServer) => void } {
  let browser: Browser
  let server: TestServer
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser.close())
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const context of browser.contexts()) await context.close()
    await server.destroy()
  })
  return { browser: () => browser, server: () => server, replaceServer: (next) => (server = next) }
}
