import { diffChars } from 'diff'
import type { InlineRun } from '../../../shared/negotiation/amendmentSchemas.js'

type Marks = InlineRun['marks']

const sameMarks = (a: Marks, b: Marks) => a.length === b.length && a.every((mark) => b.includes(mark))

/** Proposed runs reworded to `words`: characters kept keep their marks, and new ones take the marks of the run they are typed into. */
export function rewordRuns(runs: readonly InlineRun[], words: string): InlineRun[] {
  const marksAt = runs.flatMap((run) => Array.from({ length: run.text.length }, () => run.marks))
  const result: InlineRun[] = []
  const push = (text: string, marks: Marks) => {
    const last = result.at(-1)
    if (last && sameMarks(last.marks, marks)) last.text += text
    else result.push({ text, marks: [...marks] })
  }
  let at = 0
  for (const part of diffChars(runs.map((run) => run.text).join(''), words)) {
    if (part.removed) at += part.value.length
    // Typed after a character (kept or replaced), new words continue its run; at the very start, the first run.
    else if (part.added) push(part.value, marksAt[at - 1] ?? marksAt[at] ?? [])
    else
      for (const char of part.value) {
        push(char, marksAt[at] ?? [])
        at += char.length
      }
  }
  return result
}
