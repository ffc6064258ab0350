import type * as Y from 'yjs'
import { z } from 'zod'
import { ClauseKind } from '../editor/clauseKind.js'
import type { RoundLabel } from './roundLabels.js'

/** The root map of the shared document that holds the round's labels; only the server writes it. */
export const ROUND_LABELS_MAP = 'roundLabels'

/**
 * The key of the labels the round began with, all in one entry (written once per round, so a round of 2,000
 * paragraphs starts in one small change) as the JSON text of a `RoundBase`: Yjs copies a string whole where it walks an
 * object's 2,000 entries at every merge of the change; every later label has an entry of its own, by `recordKey`.
 */
export const ROUND_BASE_KEY = 'round'

/** The round's first labels as stored: [number, suffix] by `recordKey`. */
export type RoundBase = Record<string, [number, number]>

const StoredLabel = z.object({ kind: ClauseKind, number: z.number().int().nonnegative(), suffix: z.number().int().positive() })

const isCount = (value: unknown, least: number): value is number => Number.isInteger(value) && (value as number) >= least

/** Bases already read, by the stored value itself: it only changes when a round begins. */
const readBases = new WeakMap<object, [string, RoundLabel][]>()
/** The last base read from its text: a string cannot key a weak map, and a document holds one base at a time. */
let lastTextBase: { text: string; labels: [string, RoundLabel][] } | null = null

/** The stored base as an object: a JSON text (as written now) or, in documents written before, the object itself. */
function baseObject(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}

function baseLabels(value: unknown): [string, RoundLabel][] {
  if (typeof value === 'string') {
    if (lastTextBase?.text !== value) lastTextBase = { text: value, labels: objectLabels(baseObject(value)) }
    return lastTextBase.labels
  }
  return objectLabels(value)
}

function objectLabels(value: unknown): [string, RoundLabel][] {
  if (typeof value !== 'object' || value === null) return []
  const known = readBases.get(value)
  if (known) return known
  // Checked by hand: a schema library takes a good part of a second over 2,000 entries on a loaded machine.
  const labels: [string, RoundLabel][] = []
  for (const [key, entry] of Object.entries(value)) {
    const kind = key.slice(0, key.indexOf('/'))
    if ((kind !== 'preambular' && kind !== 'operative') || !Array.isArray(entry) || entry.length !== 2 || !isCount(entry[0], 0) || !isCount(entry[1], 1)) continue
    labels.push([key, { kind, number: entry[0], suffix: entry[1] }])
  }
  readBases.set(value, labels)
  return labels
}

/** The round's labels as the shared document holds them; an entry that is not a label is ignored. */
export function readLabelRecords(doc: Y.Doc): Map<string, RoundLabel> {
  const map = doc.getMap<unknown>(ROUND_LABELS_MAP)
  const records = new Map(baseLabels(map.get(ROUND_BASE_KEY)))
  map.forEach((value, key) => {
    if (key === ROUND_BASE_KEY) return
    const parsed = StoredLabel.safeParse(value)
    if (parsed.success) records.set(key, parsed.data)
  })
  return records
}

/** The labels a round begins with, in the form they are stored. */
export function roundBase(labels: ReadonlyMap<string, RoundLabel>): RoundBase {
  return Object.fromEntries([...labels].map(([key, label]) => [key, [label.number, label.suffix]]))
}
