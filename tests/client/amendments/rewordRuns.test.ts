import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rewordRuns } from '../../../client/src/amendments/rewordRuns.js'
import type { InlineRun } from '../../../shared/negotiation/amendmentSchemas.js'

const proposal: InlineRun[] = [
  { text: 'every ', marks: [] },
  { text: 'girl', marks: ['bold'] },
  { text: ' and ', marks: [] },
  { text: 'қыз', marks: ['italic'] },
]

describe('rewording a proposal', () => {
  it('keeps the marks of the runs it changes: words typed into a bold or italic run take its marks, kept words keep theirs', () => {
    expect(rewordRuns(proposal, 'every girls and қыздар')).toEqual([
      { text: 'every ', marks: [] },
      { text: 'girls', marks: ['bold'] },
      { text: ' and ', marks: [] },
      { text: 'қыздар', marks: ['italic'] },
    ])
    expect(rewordRuns(proposal, 'each girl and қыз')).toEqual([{ text: 'each ', marks: [] }, ...proposal.slice(1)])
  })

  it('a word replaced inside a bold run stays bold; emptied words leave no runs', () => {
    expect(rewordRuns([{ text: 'all learners', marks: ['bold', 'italic'] }], 'all children')).toEqual([{ text: 'all children', marks: ['bold', 'italic'] }])
    expect(rewordRuns(proposal, '')).toEqual([])
  })

  it('always reads as the new words, and unchanged words come back as proposed', () => {
    const run = fc.record({ text: fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }), marks: fc.subarray(['bold', 'italic'] as const).map((marks) => [...marks]) })
    fc.assert(
      fc.property(fc.array(run, { maxLength: 5 }), fc.string({ maxLength: 20, unit: 'grapheme' }), (runs, words) => {
        expect(rewordRuns(runs, words).map((part) => part.text).join('')).toBe(words)
        const original = runs.map((part) => part.text).join('')
        const kept = rewordRuns(runs, original)
        expect(kept.map((part) => part.text).join('')).toBe(original)
        for (let index = 0; index < [...original].length; index += 1) expect(marksOf(kept, index)).toEqual(marksOf(runs, index))
      }),
    )
  })
})

/** The marks on the `index`th character (code point) of runs. */
function marksOf(runs: readonly InlineRun[], index: number): string[] {
  const marks = runs.flatMap((run) => [...run.text].map(() => [...run.marks].sort()))
  return marks[index] ?? []
}
