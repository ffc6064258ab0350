import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { pressByKeyboard } from '../helpers/keyboard.js'
import { caretAtEnd, clause, expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'

const suite = browserSuite()
const FORMATTED = ' and <strong>girls</strong><em> too</em>'

async function openAs(name: string): Promise<Page> {
  const page = await openApp(suite.browser(), suite.server().url)
  await signInAs(page, name)
  await openDeclaration(page)
  return page
}

describe('formatting in suggestions', () => {
  it('bold and italic typed in Suggesting mode are shown in place, submitted as marks of the proposed runs, and applied on accept', async () => {
    const kazakh = await openAs('Ержан Нұрланұлы')
    const chair = await openAs('Aigerim Seitkali')
    await pressByKeyboard(kazakh, /^Suggesting/)
    await caretAtEnd(kazakh, 'OP2')
    await kazakh.keyboard.type(' and ')
    await kazakh.keyboard.press('Control+b')
    await kazakh.keyboard.type('girls')
    await kazakh.keyboard.press('Control+b')
    await kazakh.keyboard.press('Control+i')
    await kazakh.keyboard.type(' too')

    await expect.poll(() => kazakh.locator('.suggestion-ins').innerHTML()).toBe(FORMATTED)
    expect(await kazakh.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Italic' }).getAttribute('aria-pressed')).toBe('true')
    expect(await kazakh.getByRole('toolbar', { name: 'Formatting' }).getByRole('button').count()).toBe(2)
    expect(await kazakh.getByRole('form', { name: 'Your suggestion in OP2' }).locator('ins').innerHTML()).toBe(`[+ ${FORMATTED} +]`)
    await expectNoAxeViolations(kazakh)
    await pressByKeyboard(kazakh, 'Submit as amendment')
    await kazakh.getByText('Your amendment on OP2 was submitted.').waitFor()

    const listed = (await (await kazakh.request.get(`${suite.server().url}/api/declarations/almaty-declaration/amendments`)).json()) as AmendmentView[]
    const change = listed[0]!.change
    expect(change.kind === 'words' && change.spans.map((span) => span.content)).toEqual([
      [
        { text: ' and ', marks: [] },
        { text: 'girls', marks: ['bold'] },
        { text: ' too', marks: ['italic'] },
      ],
    ])
    await expect.poll(() => chair.locator('.amendment-ins').innerHTML()).toBe(FORMATTED)

    await pressByKeyboard(chair, /^Amendments/)
    expect(await chair.locator('.amendment[data-amendment="A1"] ins').innerHTML()).toBe(`[+ ${FORMATTED} +]`)
    await pressByKeyboard(chair, 'Accept A1')
    await expect.poll(() => clause(chair, 'OP2').innerHTML()).toMatch(/ and <strong>girls<\/strong><em> too<\/em>/)
  })
})
