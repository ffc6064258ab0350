import { diffWordsWithSpace } from 'diff'
import { plainText, type CanonicalBlock, type CanonicalText } from './canonicalText.js'

/** A piece of a paragraph's text in a redline. */
export interface RedlinePart {
  kind: 'same' | 'inserted' | 'deleted'
  text: string
}

/** A paragraph in a redline, matched across the two texts by its stable id. */
export interface RedlineParagraph {
  id: string
  status: 'added' | 'deleted' | 'changed' | 'unchanged'
  /** Its place among the paragraphs both texts share changed. */
  moved: boolean
  oldLabel: string | null
  newLabel: string | null
  parts: RedlinePart[]
}

/** Everything that changed between two texts, paragraph by paragraph, in the newer text's order. */
export interface Redline {
  titleParts: RedlinePart[]
  paragraphs: RedlineParagraph[]
  summary: string
}

type Clause = Extract<CanonicalBlock, { type: 'clause' }>

const clausesOf = (text: CanonicalText) => text.blocks.filter((block): block is Clause => block.type === 'clause' && block.id !== null)

/**
 * Word-level differences, as lawyers read them: each changed passage once, its deleted words before its inserted
 * ones; a space between two changes belongs to the passage rather than splitting it.
 */
export function wordDiff(older: string, newer: string): RedlinePart[] {
  const changes = diffWordsWithSpace(older, newer)
  const parts: RedlinePart[] = []
  let deleted = ''
  let inserted = ''
  const flush = () => {
    if (deleted) parts.push({ kind: 'deleted', text: deleted })
    if (inserted) parts.push({ kind: 'inserted', text: inserted })
    deleted = ''
    inserted = ''
  }
  changes.forEach((change, index) => {
    const next = changes[index + 1]
    if (change.removed) deleted += change.value
    else if (change.added) inserted += change.value
    else if ((deleted || inserted) && /^\s+$/.test(change.value) && (next?.added || next?.removed)) {
      deleted += change.value
      inserted += change.value
    } else {
      flush()
      parts.push({ kind: 'same', text: change.value })
    }
  })
  flush()
  return parts
}

/** Ids of the longest run of shared paragraphs kept in the same order; the others moved. */
function inOrder(olderIds: string[], newerIds: string[]): Set<string> {
  const table = olderIds.map(() => new Array<number>(newerIds.length + 1).fill(0))
  table.push(new Array<number>(newerIds.length + 1).fill(0))
  for (let i = olderIds.length - 1; i >= 0; i -= 1) {
    for (let j = newerIds.length - 1; j >= 0; j -= 1) {
      table[i]![j] = olderIds[i] === newerIds[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < olderIds.length && j < newerIds.length; ) {
    if (olderIds[i] === newerIds[j]) {
      kept.add(olderIds[i]!)
      i += 1
      j += 1
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1
    else j += 1
  }
  return kept
}

function listNames(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`
}

/** Compares two canonical texts: paragraphs matched by id, words within them. */
export function redline(older: CanonicalText, newer: CanonicalText): Redline {
  const before = new Map(clausesOf(older).map((clause) => [clause.id!, clause]))
  const after = clausesOf(newer)
  const afterIds = new Set(after.map((clause) => clause.id!))
  const kept = inOrder(
    clausesOf(older).map((clause) => clause.id!).filter((id) => afterIds.has(id)),
    after.map((clause) => clause.id!).filter((id) => before.has(id)),
  )

  const paragraphs: RedlineParagraph[] = []
  for (const clause of after) {
    const previous = before.get(clause.id!)
    if (!previous) {
      paragraphs.push({ id: clause.id!, status: 'added', moved: false, oldLabel: null, newLabel: clause.label, parts: [{ kind: 'inserted', text: plainText(clause.content) }] })
      continue
    }
    const parts = wordDiff(plainText(previous.content), plainText(clause.content))
    const changed = parts.some((part) => part.kind !== 'same') || previous.kind !== clause.kind
    paragraphs.push({ id: clause.id!, status: changed ? 'changed' : 'unchanged', moved: !kept.has(clause.id!), oldLabel: previous.label, newLabel: clause.label, parts })
  }
  // Deleted paragraphs stand after the paragraph that preceded them in the older text.
  const olderClauses = clausesOf(older)
  olderClauses.forEach((clause, index) => {
    if (afterIds.has(clause.id!)) return
    const deleted: RedlineParagraph = { id: clause.id!, status: 'deleted', moved: false, oldLabel: clause.label, newLabel: null, parts: [{ kind: 'deleted', text: plainText(clause.content) }] }
    const anchor = olderClauses.slice(0, index).reverse().find((candidate) => afterIds.has(candidate.id!))
    const at = anchor ? paragraphs.findIndex((paragraph) => paragraph.id === anchor.id) + 1 : 0
    paragraphs.splice(at, 0, deleted)
  })

  const label = (paragraph: RedlineParagraph) => paragraph.newLabel ?? paragraph.oldLabel ?? ''
  const changed = paragraphs.filter((paragraph) => paragraph.status === 'changed').map(label)
  const added = paragraphs.filter((paragraph) => paragraph.status === 'added').map(label)
  const deleted = paragraphs.filter((paragraph) => paragraph.status === 'deleted').map((paragraph) => paragraph.oldLabel ?? '')
  const moved = paragraphs.filter((paragraph) => paragraph.moved).map(label)
  const titleParts = wordDiff(older.title, newer.title)
  const summary = [
    titleParts.some((part) => part.kind !== 'same') ? 'the title changed' : '',
    changed.length ? `${listNames(changed)} changed` : '',
    added.length ? `${listNames(added)} added` : '',
    deleted.length ? `${listNames(deleted)} (old numbering) deleted` : '',
    moved.length ? `${listNames(moved)} moved` : '',
  ].filter(Boolean)
  return { titleParts, paragraphs, summary: summary.length ? `${summary.join('; ')}.`.replace(/^./, (first) => first.toUpperCase()) : 'No changes.' }
}
