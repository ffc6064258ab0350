import { describe, expect, it } from 'vitest'
import { api } from '../helpers/api.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { cancelWithEscape, confirmInDialog } from '../helpers/confirmDialog.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { freezeOnVersionsPage } from '../helpers/versionsPage.js'

const suite = browserSuite()

/** Freezes the live draft under this name and locks it for signature, through the API. */
async function freezeAndLock(baseUrl: string, name: string): Promise<void> {
  const token = await startSession(baseUrl)
  const frozen = await api(baseUrl, 'POST', '/api/declarations/almaty-declaration/versions', { token, body: { name } })
  expect(frozen.status, JSON.stringify(frozen.body)).toBe(201)
  const id = (frozen.body as { version: { id: string } }).version.id
  const locked = await api(baseUrl, 'POST', `/api/declarations/almaty-declaration/versions/${id}/lock`, { token })
  expect(locked.status, JSON.stringify(locked.body)).toBe(200)
}

describe('destructive actions ask first', () => {
  it('locking, unlocking by freezing and a new round each ask; Escape cancels and changes nothing', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await openDeclaration(chair)
    await chair.getByRole('link', { name: 'Versions' }).click()
    await freezeOnVersionsPage(chair, 'Rev.1')

    const lock = chair.getByRole('button', { name: 'Lock for signature' })
    await lock.click()
    await chair.getByRole('alertdialog', { name: 'Lock the draft for signature on “Rev.1”?' }).waitFor()
    await expectNoAxeViolations(chair)
    await cancelWithEscape(chair, lock)
    expect(await chair.locator('.lock-banner').count()).toBe(0)
    await lock.click()
    await confirmInDialog(chair, 'Lock for signature')
    await chair.getByText('The draft is locked for signature on “Rev.1”.').waitFor()

    await chair.getByLabel(/Version name/).fill('Rev.2')
    const unlock = chair.getByRole('button', { name: 'Freeze and unlock' })
    await unlock.click()
    await chair.getByRole('alertdialog', { name: 'Freeze “Rev.2” and unlock the draft?' }).waitFor()
    await cancelWithEscape(chair, unlock)
    expect(await chair.getByRole('row', { name: /Rev\.2/ }).count()).toBe(0)
    await unlock.click()
    await confirmInDialog(chair, 'Freeze and unlock')
    await chair.getByText('“Rev.2” is frozen and the draft is unlocked.').waitFor()

    const newRound = chair.getByRole('button', { name: 'New round from Rev.1 this version' })
    await newRound.click()
    await chair.getByRole('alertdialog', { name: 'Start a new round from “Rev.1”?' }).waitFor()
    await cancelWithEscape(chair, newRound)
    expect(await chair.getByText('The live draft now holds the text of “Rev.1”.').count()).toBe(0)
    await newRound.click()
    await confirmInDialog(chair, 'Start the new round')
    await chair.getByText('The live draft now holds the text of “Rev.1”.').waitFor()
  })

  it('removing a participant asks first', async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await chair.goto(`${suite.server().url}/d/almaty-declaration/participants`)
    const remove = chair.getByRole('button', { name: 'Remove James Whitfield' })
    await remove.click()
    await chair.getByRole('alertdialog', { name: 'Remove James Whitfield?' }).waitFor()
    await expectNoAxeViolations(chair)
    await cancelWithEscape(chair, remove)
    expect(await chair.getByRole('row', { name: /James Whitfield/ }).count()).toBe(1)
    await remove.click()
    await confirmInDialog(chair, 'Remove James Whitfield')
    await chair.getByText('James Whitfield was removed.').waitFor()
    expect(await chair.getByRole('row', { name: /James Whitfield/ }).count()).toBe(0)
  })

  it('signing asks first, and Escape leaves the delegation unsigned', async () => {
    await freezeAndLock(suite.server().url, 'Final text')
    const signatory = await openApp(suite.browser(), suite.server().url)
    await signInAs(signatory, 'Katarzyna Nowak')
    await signatory.goto(`${suite.server().url}/d/almaty-declaration/signatures`)
    const sign = signatory.getByRole('button', { name: 'Sign for Poland' })
    await sign.click()
    await signatory.getByRole('alertdialog', { name: 'Sign “Final text” for Poland?' }).waitFor()
    await expectNoAxeViolations(signatory)
    await cancelWithEscape(signatory, sign)
    await signatory.getByText('Signed: 0 of 9 delegations taking part. Expected to sign: 2.').waitFor()
    await sign.click()
    await confirmInDialog(signatory, 'Sign for Poland')
    await signatory.getByText(/^Signed for Poland with key/).waitFor()
    await signatory.getByText('Signed: 1 of 9 delegations taking part. Expected to sign: 2.').waitFor()
  })
})
