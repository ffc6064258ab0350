import { diffWordsWithSpace } from 'diff'
import { plainText, type CanonicalBlock, type CanonicalText } from './canonicalText.js'

/** A piece of a paragraph's text in a redline. */
export interface RedlinePart {
  kind: 'same' | 'inserted' | 'deleted'
  text: string
}

/** How a paragraph's text joins another's: split off from it, split into it, merged from it, or merged into it. */
export interface RedlineLink {
  kind: 'splitFrom' | 'splitInto' | 'mergedFrom' | 'mergedInto'
  /** The other paragraph's label: its new numbering, or its old numbering for one merged away. */
  label: string
}

/** A paragraph in a redline, matched across the two texts by its stable id. */
export interface RedlineParagraph {
  id: string
  /** `split`: new, its text came from the paragraph before it; `merged`: gone, its text joined the paragraph before it. */
  status: 'added' | 'deleted' | 'changed' | 'unchanged' | 'split' | 'merged'
  /** Its place among the paragraphs both texts share changed. */
  moved: boolean
  link: RedlineLink | null
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

const nonSpace = (text: string) => text.replace(/\s/g, '').length

/** How many characters (spaces aside) the two sides of a diff share. */
const shared = (parts: RedlinePart[]) => nonSpace(parts.filter((part) => part.kind === 'same').map((part) => part.text).join(''))

/**
 * Whether `piece` came from joining: the diff of the joined text shares at least half of both sides, and joining
 * `piece` on wins back at least half of its own characters over the diff without it (`alone`).
 */
function joins(older: string, newer: string, joinedParts: RedlinePart[], alone: RedlinePart[], piece: string): boolean {
  const whole = shared(joinedParts)
  const gain = whole - shared(alone)
  return nonSpace(piece) > 0 && shared(alone) > 0 && 2 * whole >= Math.max(nonSpace(older), nonSpace(newer)) && 2 * gain >= nonSpace(piece)
}

/** What joins two paragraphs' texts into one: a space, unless one side already has it. */
const separator = (first: string, second: string) => (first === '' || /\s$/.test(first) || /^\s/.test(second) ? '' : ' ')

/** Cuts a diff where its newer side reaches `offset`, dropping the `skip` separator characters there. */
function cutAtNewer(parts: RedlinePart[], offset: number, skip: number): [RedlinePart[], RedlinePart[]] {
  const before: RedlinePart[] = []
  const after: RedlinePart[] = []
  let position = 0
  for (const part of parts) {
    if (part.kind === 'deleted') {
      ;(position <= offset ? before : after).push(part)
      continue
    }
    const head = part.text.slice(0, Math.max(0, offset - position))
    const tail = part.text.slice(Math.max(0, offset + skip - position))
    if (head) before.push({ kind: part.kind, text: head })
    if (tail) after.push({ kind: part.kind, text: tail })
    position += part.text.length
  }
  return [before, after]
}

const hasChanges = (parts: RedlinePart[]) => parts.some((part) => part.kind !== 'same')

/** Marks a new paragraph whose text was cut from the end of the one before it as a split of that paragraph. */
function findSplit(paragraph: RedlineParagraph, previous: Clause, clause: Clause, next: RedlineParagraph | undefined, nextText: string): void {
  if (next?.status !== 'added') return
  const older = plainText(previous.content)
  const newer = plainText(clause.content)
  const gap = separator(newer, nextText)
  const joined = wordDiff(older, newer + gap + nextText)
  if (!joins(older, newer + gap + nextText, joined, wordDiff(older, newer), nextText)) return
  const [own, cut] = cutAtNewer(joined, newer.length, gap.length)
  paragraph.parts = own
  paragraph.status = hasChanges(own) || previous.kind !== clause.kind ? 'changed' : 'unchanged'
  paragraph.link = { kind: 'splitInto', label: next.newLabel ?? '' }
  Object.assign(next, { status: 'split', parts: cut, link: { kind: 'splitFrom', label: clause.label } })
}

/** Marks a paragraph that is gone because its text was joined onto the end of the one before it as merged into that paragraph. */
function findMerge(paragraph: RedlineParagraph, previous: Clause, clause: Clause, gone: Clause | undefined, survives: (id: string) => boolean): RedlineParagraph | null {
  if (!gone || survives(gone.id!)) return null
  const older = plainText(previous.content)
  const goneText = plainText(gone.content)
  const newer = plainText(clause.content)
  const combined = older + separator(older, goneText) + goneText
  const joined = wordDiff(combined, newer)
  if (!joins(combined, newer, joined, wordDiff(older, newer), goneText)) return null
  paragraph.parts = joined
  paragraph.status = hasChanges(joined) || previous.kind !== clause.kind ? 'changed' : 'unchanged'
  paragraph.link = { kind: 'mergedFrom', label: gone.label }
  return { id: gone.id!, status: 'merged', moved: false, link: { kind: 'mergedInto', label: clause.label }, oldLabel: gone.label, newLabel: null, parts: [] }
}

/** Compares two canonical texts: paragraphs matched by id, words within them, splits and merges shown as such. */
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
      paragraphs.push({ id: clause.id!, status: 'added', moved: false, link: null, oldLabel: null, newLabel: clause.label, parts: [{ kind: 'inserted', text: plainText(clause.content) }] })
      continue
    }
    const parts = wordDiff(plainText(previous.content), plainText(clause.content))
    const changed = hasChanges(parts) || previous.kind !== clause.kind
    paragraphs.push({ id: clause.id!, status: changed ? 'changed' : 'unchanged', moved: !kept.has(clause.id!), link: null, oldLabel: previous.label, newLabel: clause.label, parts })
  }
  const olderClauses = clausesOf(older)
  const merged = new Map<string, RedlineParagraph>()
  after.forEach((clause, index) => {
    const previous = before.get(clause.id!)
    const paragraph = paragraphs[index]!
    if (!previous || paragraph.moved) return
    findSplit(paragraph, previous, clause, paragraphs[index + 1], after[index + 1] ? plainText(after[index + 1]!.content) : '')
    if (paragraph.link) return
    const gone = findMerge(paragraph, previous, clause, olderClauses[olderClauses.indexOf(previous) + 1], (id) => afterIds.has(id))
    if (gone) merged.set(gone.id, gone)
  })
  // Deleted paragraphs stand after the paragraph that preceded them in the older text.
  olderClauses.forEach((clause, index) => {
    if (afterIds.has(clause.id!)) return
    const deleted: RedlineParagraph = merged.get(clause.id!) ?? { id: clause.id!, status: 'deleted', moved: false, link: null, oldLabel: clause.label, newLabel: null, parts: [{ kind: 'deleted', text: plainText(clause.content) }] }
    const anchor = olderClauses.slice(0, index).reverse().find((candidate) => afterIds.has(candidate.id!))
    const at = anchor ? paragraphs.findIndex((paragraph) => paragraph.id === anchor.id) + 1 : 0
    paragraphs.splice(at, 0, deleted)
  })

  const label = (paragraph: RedlineParagraph) => paragraph.newLabel ?? paragraph.oldLabel ?? ''
  const changed = paragraphs.filter((paragraph) => paragraph.status === 'changed').map(label)
  const added = paragraphs.filter((paragraph) => paragraph.status === 'added').map(label)
  const deleted = paragraphs.filter((paragraph) => paragraph.status === 'deleted').map((paragraph) => paragraph.oldLabel ?? '')
  const moved = paragraphs.filter((paragraph) => paragraph.moved).map(label)
  const splits = paragraphs.filter((paragraph) => paragraph.link?.kind === 'splitInto').map((paragraph) => `${label(paragraph)} split into ${label(paragraph)} and ${paragraph.link!.label}`)
  const merges = paragraphs.filter((paragraph) => paragraph.status === 'merged').map((paragraph) => `${paragraph.oldLabel ?? ''} (old numbering) merged into ${paragraph.link!.label}`)
  const titleParts = wordDiff(older.title, newer.title)
  const summary = [
    titleParts.some((part) => part.kind !== 'same') ? 'the title changed' : '',
    changed.length ? `${listNames(changed)} changed` : '',
    added.length ? `${listNames(added)} added` : '',
    deleted.length ? `${listNames(deleted)} (old numbering) deleted` : '',
    moved.length ? `${listNames(moved)} moved` : '',
    ...splits,
    ...merges,
  ].filter(Boolean)
  return { titleParts, paragraphs, summary: summary.length ? `${summary.join('; ')}.`.replace(/^./, (first) => first.toUpperCase()) : 'No changes.' }
}
