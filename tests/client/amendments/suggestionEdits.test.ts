import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backspace, deleteForward, insertedText, strikeSelection, typeText, type SuggestedSpan } from '../../../client/src/amendments/suggestionEdits.js'

/** Applies the spans to a paragraph's text (positions counted from `start`), as accepting the suggestion would. */
function applied(text: string, start: number, spans: readonly SuggestedSpan[]): string {
  let result = text
  for (const span of [...spans].sort((a, b) => b.from - a.from)) result = result.slice(0, span.from - start) + insertedText(span) + result.slice(span.to - start)
  return result
}

describe('suggesting keystrokes', () => {
  it('typing extends the span at the caret, Backspace takes typed letters back before striking', () => {
    let outcome = typeText([], 5, 5, 'ab')
    outcome = typeText(outcome!.spans, 5, 5, 'c')
    expect(outcome).toEqual({ spans: [{ from: 5, to: 5, inserted: [{ text: 'abc', marks: [] }] }], caret: 5 })
    outcome = backspace(outcome!.spans, 5, 1)
    outcome = backspace(outcome!.spans, 5, 1)
    outcome = backspace(outcome!.spans, 5, 1)
    expect(outcome!.spans).toEqual([])
    outcome = backspace(outcome!.spans, 5, 1)
    expect(outcome!.spans).toEqual([{ from: 4, to: 5, inserted: [] }])
  })

  it('letters typed with bold or italic become runs with those marks, and Backspace takes them back run by run', () => {
    let outcome = typeText([], 5, 5, 'and ')
    outcome = typeText(outcome!.spans, 5, 5, 'gi', ['bold'])
    outcome = typeText(outcome!.spans, 5, 5, 'rls', ['bold'])
    outcome = typeText(outcome!.spans, 5, 5, '!', ['italic', 'bold'])
    expect(outcome!.spans[0]!.inserted).toEqual([
      { text: 'and ', marks: [] },
      { text: 'girls', marks: ['bold'] },
      { text: '!', marks: ['bold', 'italic'] },
    ])
    outcome = backspace(outcome!.spans, 5, 1)
    outcome = backspace(outcome!.spans, 5, 1)
    expect(outcome!.spans[0]!.inserted).toEqual([
      { text: 'and ', marks: [] },
      { text: 'girl', marks: ['bold'] },
    ])
  })

  it('refuses a keystroke that crosses another span, and strikes nothing before the paragraph', () => {
    const spans = strikeSelection([], 3, 6)!.spans
    expect(typeText(spans, 4, 4, 'x')).toBeNull()
    expect(strikeSelection(spans, 5, 8)).toBeNull()
    expect(backspace([], 1, 1)).toBeNull()
    expect(deleteForward([], 9, 9)).toBeNull()
  })

  it('any run of typing, Backspace and Delete gives the text a person would expect from the same keys', () => {
    const text = 'Ensure every learner'
    const start = 1
    const end = start + text.length
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.array(fc.oneof(fc.constantFrom('Backspace', 'Delete'), fc.stringMatching(/^[a-zқ]{1,3}$/)), { maxLength: 25 }), (caretStart, keys) => {
        let spans: SuggestedSpan[] = []
        let caret = caretStart
        // The same keys on a plain string, where the caret is an index.
        let expected = text
        let index = caretStart - start
        for (const key of keys) {
          const outcome = key === 'Backspace' ? backspace(spans, caret, start) : key === 'Delete' ? deleteForward(spans, caret, end) : typeText(spans, caret, caret, key)
          if (!outcome) continue
          spans = outcome.spans
          caret = outcome.caret
          if (key === 'Backspace') {
            expected = expected.slice(0, index - 1) + expected.slice(index)
            index -= 1
          } else if (key === 'Delete') expected = expected.slice(0, index) + expected.slice(index + 1)
          else {
            expected = expected.slice(0, index) + key + expected.slice(index)
            index += key.length
          }
        }
        expect(applied(text, start, spans)).toBe(expected)
      }),
    )
  })
})
