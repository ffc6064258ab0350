import { describe, expect, it } from 'vitest'
import type { AuditView } from '../../shared/versions/versionSchemas.js'
import type { z } from 'zod'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { confirmInDialog } from '../helpers/confirmDialog.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()
const base = '/api/declarations/almaty-declaration'

describe('the audit log in the browser', () => {
  it('reads as a list of when, who, what and on which version, with each hash ready to copy and no internal ids', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await chair.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Zero draft')

    const token = await startSession(suite.server().url, 'chair')
    const { members } = (await api(suite.server().url, 'GET', `${base}/participants`, { token })).body as { members: { id: string; name: string }[] }
    const nigeria = members.find((member) => member.name === 'Chidinma Okafor')!.id
    expect((await api(suite.server().url, 'PUT', `${base}/members/${nigeria}`, { token, body: { role: 'observer' } })).status).toBe(200)
    await chair.getByRole('button', { name: 'Lock for signature' }).click()
    await confirmInDialog(chair, 'Lock for signature')
    await chair.getByText('The draft is locked for signature on “Zero draft”.').waitFor()

    const entries = chair.locator('.audit-log__what')
    await expect.poll(() => entries.allTextContents()).toEqual([
      expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d .+ — Aigerim Seitkali \(Kazakhstan\): Froze version 1 “Zero draft”$/),
      expect.stringMatching(/ — Aigerim Seitkali \(Kazakhstan\): Changed the role of Chidinma Okafor \(Nigeria\) from Editor to Observer$/),
      expect.stringMatching(/ — Aigerim Seitkali \(Kazakhstan\): Locked the draft for signature on version 1 “Zero draft”$/),
    ])
    const text = (await chair.locator('.audit-log').textContent())!
    expect(text).not.toMatch(/[{}]|[0-9a-f]{8}-[0-9a-f]{4}-/)
    expect(text).not.toContain(nigeria)

    const audit = (await api(suite.server().url, 'GET', `${base}/audit`, { token })).body as z.infer<typeof AuditView>
    const frozen = audit.entries[0]!
    expect(text).toContain(frozen.hash)
    expect(text).toContain(String(frozen.details.sha256))
    await chair.getByRole('button', { name: 'Copy entry hash (entry 1)' }).click()
    await chair.locator('.audit-log__entry').first().getByText('Copied.').waitFor()
    expect(await chair.evaluate(() => navigator.clipboard.readText())).toBe(frozen.hash)
    await expectNoAxeViolations(chair)

    await chair.setViewportSize({ width: 360, height: 740 })
    const log = await chair.locator('.audit-log').boundingBox()
    expect(log!.x + log!.width).toBeLessThanOrEqual(360)
  })
})
