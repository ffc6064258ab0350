import fc from 'fast-check'
import LineBreaker from 'linebreak'
import { describe, expect, it } from 'vitest'
import { bidiLines, type DrawnRun } from '../../../server/src/exports/bidiLines.js'

const words = fc.constantFrom('نحن', 'الدول', 'المشاركة', 'UNESCO', 'education', '2024', '(OP3)', 'Біз', '我们参与者', '،', '.')
const paragraph = fc.array(fc.tuple(words, fc.constantFrom(' ', ' ', '  ', '\n')), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([word, gap]) => word + gap).join('').trimEnd())
const width = (run: DrawnRun) => [...run.text].length

/** The logical positions a drawn run stands for. */
const positions = (run: DrawnRun) => Array.from({ length: run.text.length }, (_, offset) => run.start + offset)

describe('bidiLines', () => {
  it('draws every visible character once, line after line in the order written, each line within the width where it can break', () => {
    fc.assert(
      fc.property(paragraph, fc.constantFrom<'ltr' | 'rtl'>('ltr', 'rtl'), fc.integer({ min: 8, max: 60 }), (text, direction, limit) => {
        const lines = bidiLines([{ text, bold: false, italic: false }], direction, limit, width)
        const drawn = lines.map((line) => line.flatMap(positions).sort((a, b) => a - b))
        const all = drawn.flat()
        expect(new Set(all).size).toBe(all.length)
        const visible = [...text].flatMap((_, index) => (/\s/.test(text[index]!) ? [] : [index]))
        for (const index of visible) expect(all).toContain(index)
        for (let line = 1; line < drawn.length; line += 1) {
          if (drawn[line - 1]!.length > 0 && drawn[line]!.length > 0) expect(drawn[line - 1]!.at(-1)!).toBeLessThan(drawn[line]![0]!)
        }
        const breaker = new LineBreaker(text)
        const breaks: number[] = []
        for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) breaks.push(next.position)
        lines.forEach((line, index) => {
          // A line may be wider than the page only when it has no place to break inside it.
          if (line.reduce((sum, run) => sum + width(run), 0) <= limit) return
          const [first, last] = [drawn[index]![0]!, drawn[index]!.at(-1)!]
          expect(breaks.filter((position) => position > first && position <= last)).toEqual([])
        })
      }),
      { numRuns: 300 },
    )
  })
})
