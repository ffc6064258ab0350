import type { APIResponse, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { spanOnWords } from '../helpers/amendments.js'
import { api } from '../helpers/api.js'
import { proposeOverApi } from '../helpers/apiProposals.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'

const suite = browserSuite()

describe('an amendment card', () => {
  it('keeps the chair’s accept when the answer to a support made before it comes back after it', async () => {
    const signatory = await openApp(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await openDeclaration(signatory, { editable: false })
    await pressByKeyboard(signatory, /^Amendments/)
    await signatory.getByLabel('Status').selectOption('all')
    const amendment = await proposeOverApi(suite.server(), 'editor-kaz', 8, (fragment, index) => spanOnWords(fragment, index, 'every learner', 'all learners'), 'Shorter.')
    const card = signatory.locator(`.amendment[data-amendment="${amendment.label}"]`)
    await card.waitFor()

    // The support reaches the server, but its answer is held back until the accept made after it has been pushed.
    let supported!: (answer: { route: Route; response: APIResponse }) => void
    const held = new Promise<{ route: Route; response: APIResponse }>((resolve) => (supported = resolve))
    await signatory.route('**/api/declarations/*/amendments/*/stance', async (route) => supported({ route, response: await route.fetch() }))
    await pressByKeyboard(signatory, 'Support')
    const { route, response } = await held
    expect(response.status()).toBe(200)
    const chair = await startSession(suite.server().url, 'chair')
    expect((await api(suite.server().url, 'POST', `/api/declarations/almaty-declaration/amendments/${amendment.number}/accept`, { token: chair })).status).toBe(200)
    await expect.poll(() => card.getByRole('heading').textContent()).toMatch(/— Accepted$/)

    const answered = signatory.waitForResponse((answer) => answer.url().includes('/stance'))
    await route.fulfill({ response })
    await (await answered).finished()
    // Time for the page to read and render the late answer, were it to apply it.
    await signatory.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 250)))
    expect(await card.getByRole('heading').textContent()).toMatch(/— Accepted$/)
    expect(await card.locator('.amendment__summary').textContent()).toMatch(/supported by Poland/)
  })
})
