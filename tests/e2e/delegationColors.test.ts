import { describe, expect, it } from 'vitest'
import { colorProblems } from '../../shared/delegations/delegationColor.js'
import { demoDelegations } from '../../server/src/seed/demoDelegations.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { expectNoAxeViolations, openApp, signInAs } from '../helpers/pages.js'

const suite = browserSuite()

describe('adding a delegation', () => {
  it("warns of a colour like another delegation's or too light, and offers a distinct one", async () => {
    const chair = await openApp(suite.browser(), suite.server().url)
    await signInAs(chair, 'Aigerim Seitkali')
    await chair.goto(`${suite.server().url}/d/almaty-declaration/participants`)
    const colour = chair.getByLabel('Colour', { exact: true })
    await chair.getByRole('heading', { name: 'Delegations' }).waitFor()
    expect(colorProblems(await colour.inputValue(), demoDelegations)).toEqual([])

    await chair.getByLabel('Code (2 to 8 capital letters)').fill('VNM')
    await chair.getByLabel('Name', { exact: true }).fill('Việt Nam')
    await colour.fill('#7d150c')
    await chair.getByText(/It looks like the colour of China \(#7c140a\)/).waitFor()
    await expectNoAxeViolations(chair)

    await colour.fill('#ffe066')
    await chair.getByText(/White names are hard to read on it/).waitFor()
    const use = chair.getByRole('button', { name: /^Use #[0-9a-f]{6}$/ })
    const suggestion = (await use.textContent())!.replace('Use ', '')
    await use.click()
    await expect.poll(() => colour.inputValue()).toBe(suggestion)
    expect(await chair.locator('.color-advice').count()).toBe(0)
    expect(colorProblems(suggestion, demoDelegations)).toEqual([])

    await chair.getByRole('button', { name: 'Add delegation' }).click()
    await chair.getByText('Việt Nam (VNM)').waitFor()
  })
})
