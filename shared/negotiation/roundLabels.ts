import { clauseLabelPrefix, type ClauseKind } from '../editor/clauseKind.js'

/** A paragraph's label as the server records it for a round: the number it hangs on and its suffix (1 for none, 2 for bis, …). */
export interface RoundLabel {
  kind: ClauseKind
  number: number
  suffix: number
}

/** The round's labels by `recordKey`: every label given out since the round began, removed paragraphs' included. */
export type RoundLabelRecords = ReadonlyMap<string, RoundLabel>

/** A paragraph of the text as numbering sees it: its stable id and its kind. */
export interface ClauseSlot {
  id: string | null
  kind: ClauseKind
}

/** What numbering the text gives: a label per paragraph in order, and the labels given out now for the first time. */
export interface AssignedLabels {
  labels: string[]
  added: Map<string, RoundLabel>
}

/** Latin multiplicative adverbs, as UN and EU texts number inserted paragraphs (index 2 is bis). */
const LATIN = ['', '', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies', 'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies', 'novodecies', 'vicies']

/** The key a paragraph's label is recorded under: a paragraph whose kind changes is numbered afresh in its new kind. */
export const recordKey = (kind: ClauseKind, id: string): string => `${kind}/${id}`

/** The suffix word: bis … vicies, then "-21", "-22", … so every suffix stays distinct. */
export function suffixWord(suffix: number): string {
  return LATIN[suffix] ?? `-${suffix}`
}

/** A recorded label as printed: OP7, OP7bis, PP0, OP3-21. */
export function formatLabel(label: RoundLabel): string {
  return `${clauseLabelPrefix[label.kind]}${label.number}${suffixWord(label.suffix)}`
}

/** Reads a printed label back (the inverse of `formatLabel`); null for anything it never prints. */
export function parseLabel(text: string): RoundLabel | null {
  const match = /^(PP|OP)(0|[1-9]\d*)(?:([a-z]+)|-([1-9]\d*))?$/.exec(text)
  if (!match) return null
  const kind: ClauseKind = match[1] === 'PP' ? 'preambular' : 'operative'
  const number = Number(match[2])
  if (match[4] !== undefined) {
    const value = Number(match[4])
    return value >= LATIN.length ? { kind, number, suffix: value } : null
  }
  if (match[3] === undefined) return { kind, number, suffix: 1 }
  const index = LATIN.indexOf(match[3])
  return index >= 2 ? { kind, number, suffix: index } : null
}

/** Plain numbering from the position: PP1, PP2, … and OP1, OP2, …, counted apart. */
export function positionalLabels(clauses: readonly ClauseSlot[]): RoundLabel[] {
  const counts: Record<ClauseKind, number> = { preambular: 0, operative: 0 }
  return clauses.map(({ kind }) => ({ kind, number: (counts[kind] += 1), suffix: 1 }))
}

/**
 * Numbers the text. With no round yet (no records), plainly by position. In a round, a recorded paragraph keeps its
 * label wherever it is; a new one takes the number of the nearest recorded paragraph of its kind before it (0 before
 * the first) and the next suffix of that number never given out in the round, so a removed paragraph's label is never
 * reused and one added between OP7 and OP8 is OP7bis, then OP7ter, wherever it lands between them.
 */
export function assignLabels(records: RoundLabelRecords, clauses: readonly ClauseSlot[]): AssignedLabels {
  if (records.size === 0) return { labels: positionalLabels(clauses).map(formatLabel), added: new Map() }
  // The highest suffix given out for each number, by kind: numeric keys, as 2,000 paragraphs made string keys the cost.
  const highest: Record<ClauseKind, Map<number, number>> = { preambular: new Map(), operative: new Map() }
  const note = (label: RoundLabel) => {
    const suffixes = highest[label.kind]
    if (label.suffix > (suffixes.get(label.number) ?? 0)) suffixes.set(label.number, label.suffix)
  }
  for (const label of records.values()) note(label)
  const after: Record<ClauseKind, number> = { preambular: 0, operative: 0 }
  const added = new Map<string, RoundLabel>()
  const labels = clauses.map(({ id, kind }) => {
    const key = id === null ? null : recordKey(kind, id)
    let label = key === null ? undefined : (records.get(key) ?? added.get(key))
    if (!label) {
      const number = after[kind]
      label = { kind, number, suffix: (highest[kind].get(number) ?? 0) + 1 }
      note(label)
      if (key !== null) added.set(key, label)
    }
    after[kind] = label.number
    return formatLabel(label)
  })
  return { labels, added }
}
