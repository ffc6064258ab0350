import type { InlineRun } from '../../../shared/negotiation/amendmentSchemas.js'

/** A formatting mark a proposed run may carry. */
export type RunMark = InlineRun['marks'][number]

/** Typed words with the marks they were typed with. */
export interface TypedRun {
  readonly text: string
  readonly marks: readonly RunMark[]
}

/** One suggested change in the text: the words from `from` to `to` (editor positions) struck, `inserted` put in their place. */
export interface SuggestedSpan {
  readonly from: number
  readonly to: number
  readonly inserted: readonly TypedRun[]
}

/** Spans after an edit and where the caret goes; null when the edit would cross another suggested span. */
export type EditOutcome = { spans: SuggestedSpan[]; caret: number } | null

/** The words a span inserts, without their marks. */
export function insertedText(span: SuggestedSpan): string {
  return span.inserted.map((run) => run.text).join('')
}

const sameMarks = (a: readonly RunMark[], b: readonly RunMark[]) => a.length === b.length && a.every((mark) => b.includes(mark))

/** Runs with `text` typed at their end: it joins the last run when the marks are the same. */
function appended(runs: readonly TypedRun[], text: string, marks: readonly RunMark[]): TypedRun[] {
  const last = runs.at(-1)
  if (last && sameMarks(last.marks, marks)) return [...runs.slice(0, -1), { text: last.text + text, marks: last.marks }]
  return [...runs, { text, marks: [...marks].sort() }]
}

/** Runs with their last character taken back; a run left empty goes. */
function withoutLast(runs: readonly TypedRun[]): TypedRun[] {
  const last = runs.at(-1)
  if (!last) return []
  const text = Array.from(last.text).slice(0, -1).join('')
  return text ? [...runs.slice(0, -1), { text, marks: last.marks }] : runs.slice(0, -1)
}

function crosses(spans: readonly SuggestedSpan[], from: number, to: number, except?: SuggestedSpan): boolean {
  return spans.some((span) => span !== except && span.from < to && from < span.to)
}

function replaced(spans: readonly SuggestedSpan[], old: SuggestedSpan | undefined, next: SuggestedSpan): SuggestedSpan[] {
  const rest = spans.filter((span) => span !== old)
  return next.from === next.to && next.inserted.length === 0 ? rest : [...rest, next].sort((a, b) => a.from - b.from)
}

/** Typing `text` with `marks` over the selection `from`–`to`: it extends the span ending at the caret, or starts a new one. */
export function typeText(spans: readonly SuggestedSpan[], from: number, to: number, text: string, marks: readonly RunMark[] = []): EditOutcome {
  const current = from === to ? spans.find((span) => span.to === to) : undefined
  if (current) return { spans: replaced(spans, current, { ...current, inserted: appended(current.inserted, text, marks) }), caret: to }
  if (crosses(spans, from, to) || spans.some((span) => span.from < from && from < span.to)) return null
  return { spans: replaced(spans, undefined, { from, to, inserted: appended([], text, marks) }), caret: to }
}

/** Backspace at `caret` (start of its paragraph at `start`): takes back a typed character, or strikes one more. */
export function backspace(spans: readonly SuggestedSpan[], caret: number, start: number): EditOutcome {
  const current = spans.find((span) => span.to === caret)
  if (current && current.inserted.length > 0) return { spans: replaced(spans, current, { ...current, inserted: withoutLast(current.inserted) }), caret }
  const from = (current?.from ?? caret) - 1
  if (from < start || crosses(spans, from, from + 1, current)) return null
  return { spans: replaced(spans, current, { from, to: current?.to ?? caret, inserted: [] }), caret }
}

/** Delete at `caret` (end of its paragraph at `end`): strikes the next character. */
export function deleteForward(spans: readonly SuggestedSpan[], caret: number, end: number): EditOutcome {
  const current = spans.find((span) => span.to === caret)
  if (caret + 1 > end || crosses(spans, caret, caret + 1, current)) return null
  return { spans: replaced(spans, current, { from: current?.from ?? caret, to: caret + 1, inserted: current?.inserted ?? [] }), caret: caret + 1 }
}

/** Striking the selection `from`–`to` (Backspace or Delete over it). */
export function strikeSelection(spans: readonly SuggestedSpan[], from: number, to: number): EditOutcome {
  if (crosses(spans, from, to)) return null
  return { spans: replaced(spans, undefined, { from, to, inserted: [] }), caret: to }
}
