import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import type { Language } from '../../../shared/i18n/languages.js'
import type { ExportsKey } from '../../../shared/i18n/messageKeys.js'
import { translator, type Translator } from '../i18n/serverI18n.js'
import { describeChange } from '../../../shared/negotiation/describeChange.js'
import { stanceSummary } from '../../../shared/negotiation/stanceSummary.js'

/** A span of a word amendment placed in its paragraph's text: the characters it replaces and its words. */
export interface PlacedSpan {
  from: number
  to: number
  inserted: string
}

/** A paragraph of the live text with each open amendment on it; `fits` is false when it needs an update. */
export interface CompilationParagraph {
  clauseId: string | null
  label: string
  text: string
  /** The text as the compilation prints it, its brackets and alternatives written in. */
  printed: string
  amendments: { amendment: AmendmentView; fits: boolean; spans: PlacedSpan[] }[]
}

/** Words kept, proposed for insertion or proposed for deletion. */
export interface TrackedPart {
  kind: 'plain' | 'insert' | 'delete'
  text: string
}

/** What a compilation shows, in order, whatever the format. */
export type CompilationBlock =
  | { kind: 'paragraph'; label: string; text: string }
  | { kind: 'amendment'; text: string }
  /** One amendment as a tracked copy of its paragraph; `mark` says whether the paragraph itself is inserted or deleted. */
  | { kind: 'tracked'; heading: string; author: string; date: string; parts: TrackedPart[]; mark: 'kept' | 'inserted' | 'deleted' }

type Entry = CompilationParagraph['amendments'][number]

function wordsOf(amendment: AmendmentView): string {
  return amendment.change.kind === 'paragraph.insert' ? amendment.change.content.map((run) => run.text).join('') : ''
}

/** The paragraph's words with the spans of a word amendment marked as deleted and inserted. */
function wordParts(text: string, spans: readonly PlacedSpan[]): TrackedPart[] {
  const parts: TrackedPart[] = []
  let at = 0
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    if (span.from > at) parts.push({ kind: 'plain', text: text.slice(at, span.from) })
    if (span.to > span.from) parts.push({ kind: 'delete', text: text.slice(span.from, span.to) })
    if (span.inserted) parts.push({ kind: 'insert', text: span.inserted })
    at = span.to
  }
  if (at < text.length) parts.push({ kind: 'plain', text: text.slice(at) })
  return parts
}

/** The tracked copy an amendment shows at its own paragraph, or none when it needs an update. */
function trackedHere(paragraph: CompilationParagraph, { amendment, fits, spans }: Entry, t: Translator<ExportsKey>['t']): CompilationBlock[] {
  if (!fits) return []
  const base = { author: amendment.proposedBy.delegation.name, date: amendment.proposedAt }
  switch (amendment.change.kind) {
    case 'words':
      return [{ kind: 'tracked', ...base, heading: t('compilation.tracked', { paragraph: paragraph.label, label: amendment.label }), parts: wordParts(paragraph.text, spans), mark: 'kept' }]
    case 'paragraph.insert':
      return [{ kind: 'tracked', ...base, heading: t('compilation.trackedInsert', { paragraph: paragraph.label, label: amendment.label }), parts: [{ kind: 'insert', text: wordsOf(amendment) }], mark: 'inserted' }]
    case 'paragraph.delete':
      return [{ kind: 'tracked', ...base, heading: t('compilation.tracked', { paragraph: paragraph.label, label: amendment.label }), parts: [{ kind: 'delete', text: paragraph.text }], mark: 'deleted' }]
    case 'paragraph.move':
      return [{ kind: 'tracked', ...base, heading: t('compilation.trackedMovedFrom', { paragraph: paragraph.label, label: amendment.label }), parts: [{ kind: 'delete', text: paragraph.text }], mark: 'deleted' }]
  }
}

/**
 * The compilation: each paragraph, then each amendment on it in words ("A3, proposed by Kazakhstan …: replace …")
 * with a tracked copy of the paragraph; a move also shows its paragraph inserted after the one it moves to. Labels are in `language`.
 */
export function compilationBlocks(paragraphs: readonly CompilationParagraph[], language: Language): CompilationBlock[] {
  const { t } = translator('exports', language)
  const sentence = translator('negotiation', language).t
  const labelOf = (clauseId: string) => paragraphs.find((paragraph) => paragraph.clauseId === clauseId)?.label ?? t('compilation.removedParagraph')
  const amendmentLine = (amendment: AmendmentView) => {
    const stances = stanceSummary(amendment)
    const change = describeChange(amendment.change, labelOf)
        .map((message) => sentence(message.key, message.values))
        .join('; ')
    return t('compilation.amendment', { label: amendment.label, stances: sentence(stances.key, stances.values), change })
  }
  const moves = paragraphs.flatMap((paragraph) => paragraph.amendments.filter((entry) => entry.fits && entry.amendment.change.kind === 'paragraph.move').map((entry) => ({ paragraph, entry })))
  return paragraphs.flatMap((paragraph): CompilationBlock[] => [
    { kind: 'paragraph', label: paragraph.label, text: paragraph.printed },
    ...paragraph.amendments.flatMap((entry): CompilationBlock[] => [
      { kind: 'amendment', text: amendmentLine(entry.amendment) },
      ...trackedHere(paragraph, entry, t),
    ]),
    ...moves
      .filter(({ entry }) => entry.amendment.change.kind === 'paragraph.move' && entry.amendment.change.after === paragraph.clauseId)
      .flatMap(({ paragraph: moved, entry: { amendment } }): CompilationBlock[] => [
        { kind: 'amendment', text: t('compilation.movedHere', { label: amendment.label, paragraph: moved.label, after: paragraph.label }) },
        { kind: 'tracked', author: amendment.proposedBy.delegation.name, date: amendment.proposedAt, heading: t('compilation.trackedMovedHere', { paragraph: moved.label, label: amendment.label }), parts: [{ kind: 'insert', text: moved.text }], mark: 'inserted' },
      ]),
  ])
}
