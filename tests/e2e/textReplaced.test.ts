import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../shared/versions/versionSchemas.js'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { untilServerHasEdit } from '../helpers/liveEdits.js'
import { caretAtEnd, clauseText, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'

const suite = browserSuite()
const VERSIONS = '/api/declarations/almaty-declaration/versions'

describe('a new round while an editor has the declaration open', () => {
  it('tells the editor who replaced the text with which version, in a live region, at phone width too', async () => {
    const editor = await openApp(suite.browser(), suite.server().url)
    await signInAs(editor, 'James Whitfield')
    await openDeclaration(editor)
    const chair = await startSession(suite.server().url, 'chair')
    const before = await clauseText(editor, 'OP1')
    const frozen = (await api(suite.server().url, 'POST', VERSIONS, { token: chair, body: { name: 'Zero draft' } })).body as { version: VersionSummary }

    await caretAtEnd(editor, 'OP1')
    await editor.keyboard.type(' Amended later.')
    // The restore must come after the edit has reached the server, or the edit would outlive it.
    await untilServerHasEdit(suite.server().url, 'almaty-declaration', 'OP1 changed.')
    expect((await api(suite.server().url, 'POST', `${VERSIONS}/${frozen.version.id}/restore`, { token: chair })).status).toBe(204)

    const notice = editor.getByRole('status').filter({ hasText: 'The text was replaced.' })
    await notice.waitFor()
    await expect.poll(() => notice.textContent()).toMatch(/Aigerim Seitkali \(KAZ\) started a new round from version 1, “Zero draft”, at /)
    await expect.poll(() => clauseText(editor, 'OP1')).toBe(before)
    await expectNoAxeViolations(editor)
    await editor.setViewportSize({ width: 360, height: 740 })
    await expectNoAxeViolations(editor)

    await editor.getByRole('button', { name: 'Dismiss' }).focus()
    await editor.keyboard.press('Enter')
    await expect.poll(() => editor.getByText('The text was replaced.').count()).toBe(0)
  })
})
