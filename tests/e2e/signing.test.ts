import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { pdfText } from '../helpers/documentText.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmInDialog } from '../helpers/confirmDialog.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()
const cli = fileURLToPath(new URL('../../server/src/verify/verifyMain.ts', import.meta.url))

describe('signing in the browser', () => {
  it('a signatory reviews the locked final text with its redline and signs; the signatures page updates on another screen', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('link', { name: 'Versions' }).click()
    for (const name of ['Rev.1', 'Final text']) {
      await freezeOnVersionsPage(chair, name)
    }
    await chair.getByRole('button', { name: 'Lock for signature' }).click()
    await confirmInDialog(chair, 'Lock for signature')
    await chair.getByText('The draft is locked for signature on “Final text”.').waitFor()
    await chair.goto(`${suite.server().url}/d/almaty-declaration/signatures`)
    await chair.getByText(/^Signed: 0 of 9 delegations taking part\. Expected to sign: 2\.$/).waitFor()
    await expect.poll(() => chair.getByRole('row', { name: /Egypt/ }).textContent()).toMatch(/Not expected to sign \(no signatory\)/)
    await expect.poll(() => chair.getByRole('row', { name: /Poland/ }).textContent()).toMatch(/Expected to sign, not yet signed/)

    const signatory = await openApp(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await openDeclaration(signatory, { editable: false })
    await signatory.getByRole('link', { name: 'Signatures' }).click()
    await signatory.getByRole('heading', { name: 'Full text of “Final text”' }).waitFor()
    await signatory.getByText('Summary: No changes.').waitFor()
    await expectNoAxeViolations(signatory)
    await signatory.getByLabel(/Sign ad referendum/).check()
    await signatory.getByLabel(/Reservation/).fill('Poland reserves its position on OP10.')
    await signatory.getByRole('button', { name: 'Sign for Poland' }).click()
    await confirmInDialog(signatory, 'Sign for Poland')
    await signatory.getByText(/^Signed for Poland with key [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\.$/).waitFor()

    // The other screen: a window in the background has its rendering throttled, as in a real browser.
    await chair.bringToFront()
    await chair.getByText(/^Signed: 1 of 9 delegations taking part\. Expected to sign: 2\.$/).waitFor()
    const row = chair.getByRole('row', { name: /Poland/ })
    await expect.poll(() => row.textContent()).toMatch(/✓ Signed.*Katarzyna Nowak.*Ad referendum\. Reservation: Poland reserves its position on OP10\./)
    await expectNoAxeViolations(chair)

    const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('link', { name: /Download the evidence bundle/ }).click()])
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as { signatures: unknown[]; version: { sha256: string } }
    expect(bundle.signatures).toHaveLength(1)
    expect(await chair.locator('code.hash').first().textContent()).toBe(bundle.version.sha256)
    const [keys] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('link', { name: /Download the published key list/ }).click()])
    const head = (await chair.locator('code.hash').nth(1).textContent())!
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, (await download.path())!, '--keys', (await keys.path())!, '--audit-head', head])
    expect(stdout).toMatch(/^VALID: all 4 checks passed/m)

    const [pdf] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('link', { name: 'Download the signed text (PDF)' }).click()])
    const text = await pdfText(new Uint8Array(await readFile((await pdf.path())!)))
    expect(text).toContain(bundle.version.sha256)
    expect(text).toMatch(/Poland: +signed by Katarzyna Nowak/)
  })
})
