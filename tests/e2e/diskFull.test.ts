import { join } from 'node:path'
import { afterEach, describe, it } from 'vitest'
import { browserSuite } from '../helpers/browserSuite.js'
import { caretAtEnd, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { mountSmallDisk, type SmallDisk } from '../helpers/smallDisk.js'
import { startTestServer } from '../helpers/testServer.js'

const suite = browserSuite()
let disk: SmallDisk | null = null

afterEach(async () => {
  await disk?.unmount()
  disk = null
})

describe('a full disk, seen from the editor', () => {
  it('the save indicator says the text is not saved while the disk is full, and saved once it is not', async (context) => {
    disk = await mountSmallDisk(16)
    if (!disk) return context.skip()
    await suite.server().destroy()
    const server = await startTestServer({ dataDir: join(disk.path, 'data'), save: { retryDelayMs: 200 } })
    suite.replaceServer(server)
    const page = await openApp(suite.browser(), server.url)
    await signInAs(page, 'James Whitfield')
    await openDeclaration(page)
    await page.getByText('All changes saved').waitFor()

    await disk.fill()
    await caretAtEnd(page, 'OP1')
    await page.keyboard.insertText(` ${'inclusive education for every child '.repeat(200)}`)
    await page.getByRole('status').filter({ hasText: /^Not saved: .*cannot write to disk/ }).waitFor()
    await expectNoAxeViolations(page)

    await disk.free()
    await page.getByText('All changes saved').waitFor({ timeout: 15_000 })
  })
})
