import type { NegotiationSnapshot } from '../versions/negotiationSnapshot.js'
import { optionsLine, type OptionText } from './describeBracket.js'

/** A bracket to print: offsets into a paragraph's plain text. */
export interface PrintedBracket {
  start: number
  end: number
}

/** Alternatives to print in place of the words of their span. */
export interface PrintedAlternatives extends PrintedBracket {
  options: readonly { text: string; proposedBy: readonly string[] }[]
}

/** How alternatives read in print: "[Alt 1: shall (KAZ) / Alt 2: should (USA, POL)]". */
export function alternativesText(options: PrintedAlternatives['options'], optionText?: OptionText): string {
  return `[${optionsLine(options, optionText)}]`
}

type Event = { at: number; order: number; text: string; skipTo?: number }

/** What to write at each offset: closing brackets (inner first), empty ones, opening ones (outer first), then alternatives. */
function eventsOf(brackets: readonly PrintedBracket[], alternatives: readonly PrintedAlternatives[], optionText?: OptionText): Event[] {
  // A bracket edge inside a set of alternatives moves to the set's edge, so every bracket still closes.
  const clamp = (at: number, toEnd: boolean) => {
    const inside = alternatives.find((set) => at > set.start && at < set.end)
    return inside ? (toEnd ? inside.end : inside.start) : at
  }
  const events: Event[] = []
  for (const bracket of brackets) {
    const start = clamp(bracket.start, false)
    const end = clamp(bracket.end, true)
    const size = (end - start) * 1e-9
    if (start === end) events.push({ at: start, order: 1, text: '[]' })
    else events.push({ at: start, order: 3 - size, text: '[' }, { at: end, order: size, text: ']' })
  }
  for (const set of alternatives) events.push({ at: set.start, order: 4, text: alternativesText(set.options, optionText), skipTo: set.end })
  return events.sort((a, b) => a.at - b.at || a.order - b.order)
}

/**
 * Prints brackets and alternatives into a paragraph's runs, the way UN documents do: `[` and `]` around bracketed
 * words, alternatives in place of their span's words. `textOf` gives a run's text, or null for a run outside the
 * plain text (a note); `withText` copies a run with part of its text; `make` makes a run for the printed marks; `optionText` words each alternative (English by default).
 */
export function printBrackets<T>(
  runs: readonly T[],
  brackets: readonly PrintedBracket[],
  alternatives: readonly PrintedAlternatives[],
  textOf: (run: T) => string | null,
  withText: (run: T, text: string) => T,
  make: (text: string) => T,
  optionText?: OptionText,
): T[] {
  const events = eventsOf(brackets, alternatives, optionText)
  const out: T[] = []
  let offset = 0
  let next = 0
  let skipTo = -Infinity
  const emitUpTo = (at: number) => {
    for (; next < events.length && events[next]!.at <= at; next += 1) {
      const event = events[next]!
      if (event.at < skipTo) continue
      out.push(make(event.text))
      if (event.skipTo !== undefined) skipTo = event.skipTo
    }
  }
  for (const run of runs) {
    const text = textOf(run)
    if (text === null) {
      out.push(run)
      continue
    }
    const edges = events.flatMap((event) => [event.at, event.skipTo ?? event.at]).map((at) => at - offset)
    const cuts = [...new Set([0, ...edges.filter((cut) => cut > 0 && cut < text.length), text.length])].sort((a, b) => a - b)
    for (let index = 0; index + 1 < cuts.length; index += 1) {
      const from = cuts[index]!
      emitUpTo(offset + from)
      // Cuts fall on every event and every end of alternatives, so a piece is wholly inside or outside the words they replace.
      if (offset + from >= skipTo) out.push(withText(run, text.slice(from, cuts[index + 1])))
    }
    offset += text.length
  }
  emitUpTo(Infinity)
  return out
}

/** A paragraph's plain text with its brackets and alternatives printed into it. */
export function bracketedText(text: string, brackets: readonly PrintedBracket[], alternatives: readonly PrintedAlternatives[], optionText?: OptionText): string {
  return printBrackets([text], brackets, alternatives, (run) => run, (_run, part) => part, (mark) => mark, optionText).join('')
}

/** The brackets and alternatives of one paragraph from a frozen (or live) snapshot, ready to print. */
export function paragraphMarks(snapshot: Pick<NegotiationSnapshot, 'brackets' | 'alternatives'>, clauseId: string | null): { brackets: PrintedBracket[]; alternatives: PrintedAlternatives[] } {
  return { brackets: snapshot.brackets.filter((bracket) => bracket.clauseId === clauseId), alternatives: snapshot.alternatives.filter((set) => set.clauseId === clauseId) }
}

/** A paragraph's plain text with the snapshot's brackets and alternatives on it printed into it. */
export function printedParagraph(text: string, snapshot: Pick<NegotiationSnapshot, 'brackets' | 'alternatives'>, clauseId: string | null, optionText?: OptionText): string {
  const marks = paragraphMarks(snapshot, clauseId)
  return bracketedText(text, marks.brackets, marks.alternatives, optionText)
}
