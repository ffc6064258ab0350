import { describe, expect, it } from 'vitest'
import { bracketedText, printBrackets } from '../../../shared/brackets/printedBrackets.js'

const text = 'States shall ensure free education.'
const shall = { start: 7, end: 12 }
const shallEnsure = { start: 7, end: 19 }

describe('brackets in print', () => {
  it('puts literal brackets around bracketed words, nested ones inside their outer bracket', () => {
    expect(bracketedText(text, [shall], [])).toBe('States [shall] ensure free education.')
    expect(bracketedText(text, [shall, shallEnsure], [])).toBe('States [[shall] ensure] free education.')
    expect(bracketedText(text, [{ start: 13, end: 19 }, shall], [])).toBe('States [shall] [ensure] free education.')
  })

  it('prints an empty bracket where all its words were deleted, and a bracket over the whole paragraph', () => {
    expect(bracketedText('States ensure', [{ start: 7, end: 7 }], [])).toBe('States []ensure')
    expect(bracketedText(text, [{ start: 0, end: text.length }], [])).toBe(`[${text}]`)
  })

  it('prints alternatives in place of their span, with their delegations, inside a bracket around them', () => {
    const options = [
      { text: 'shall', proposedBy: ['KAZ'] },
      { text: 'should', proposedBy: ['USA', 'POL'] },
    ]
    expect(bracketedText(text, [], [{ ...shall, options }])).toBe('States [Alt 1: shall (KAZ) / Alt 2: should (USA, POL)] ensure free education.')
    expect(bracketedText(text, [shallEnsure], [{ ...shall, options }])).toBe('States [[Alt 1: shall (KAZ) / Alt 2: should (USA, POL)] ensure] free education.')
  })

  it('keeps the formatting of runs and leaves notes where they are, outside the offsets', () => {
    type Run = { text: string; bold: boolean } | { note: string }
    const runs: Run[] = [{ text: 'States ', bold: false }, { note: '1' }, { text: 'shall', bold: true }, { text: ' ensure', bold: false }]
    const printed = printBrackets(runs, [shall], [], (run) => ('text' in run ? run.text : null), (run, part) => ({ ...run, text: part }), (mark): Run => ({ text: mark, bold: false }))
    expect(printed).toEqual([{ text: 'States ', bold: false }, { note: '1' }, { text: '[', bold: false }, { text: 'shall', bold: true }, { text: ']', bold: false }, { text: ' ensure', bold: false }])
  })
})
