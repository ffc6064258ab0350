/** One suggested change in the text: the words from `from` to `to` (editor positions) struck, `inserted` put in their place. */
export interface SuggestedSpan {
  readonly from: number
  readonly to: number
  readonly inserted: string
}

/** Spans after an edit and where the caret goes; null when the edit would cross another suggested span. */
export type EditOutcome = { spans: SuggestedSpan[]; caret: number } | null

function crosses(spans: readonly SuggestedSpan[], from: number, to: number, except?: SuggestedSpan): boolean {
  return spans.some((span) => span !== except && span.from < to && from < span.to)
}

function replaced(spans: readonly SuggestedSpan[], old: SuggestedSpan | undefined, next: SuggestedSpan): SuggestedSpan[] {
  const rest = spans.filter((span) => span !== old)
  return next.from === next.to && next.inserted === '' ? rest : [...rest, next].sort((a, b) => a.from - b.from)
}

/** Typing `text` over the selection `from`–`to`: it extends the span ending at the caret, or starts a new one. */
export function typeText(spans: readonly SuggestedSpan[], from: number, to: number, text: string): EditOutcome {
  const current = from === to ? spans.find((span) => span.to === to) : undefined
  if (current) return { spans: replaced(spans, current, { ...current, inserted: current.inserted + text }), caret: to }
  if (crosses(spans, from, to) || spans.some((span) => span.from < from && from < span.to)) return null
  return { spans: replaced(spans, undefined, { from, to, inserted: text }), caret: to }
}

/** Backspace at `caret` (start of its paragraph at `start`): takes back a typed character, or strikes one more. */
export function backspace(spans: readonly SuggestedSpan[], caret: number, start: number): EditOutcome {
  const current = spans.find((span) => span.to === caret)
  if (current && current.inserted) return { spans: replaced(spans, current, { ...current, inserted: Array.from(current.inserted).slice(0, -1).join('') }), caret }
  const from = (current?.from ?? caret) - 1
  if (from < start || crosses(spans, from, from + 1, current)) return null
  return { spans: replaced(spans, current, { from, to: current?.to ?? caret, inserted: '' }), caret }
}

/** Delete at `caret` (end of its paragraph at `end`): strikes the next character. */
export function deleteForward(spans: readonly SuggestedSpan[], caret: number, end: number): EditOutcome {
  const current = spans.find((span) => span.to === caret)
  if (caret + 1 > end || crosses(spans, caret, caret + 1, current)) return null
  return { spans: replaced(spans, current, { from: current?.from ?? caret, to: caret + 1, inserted: current?.inserted ?? '' }), caret: caret + 1 }
}

/** Striking the selection `from`–`to` (Backspace or Delete over it). */
export function strikeSelection(spans: readonly SuggestedSpan[], from: number, to: number): EditOutcome {
  if (crosses(spans, from, to)) return null
  return { spans: replaced(spans, undefined, { from, to, inserted: '' }), caret: to }
}
