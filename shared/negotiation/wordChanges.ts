import * as Y from 'yjs'
import { decodePosition, findClause, plainText } from '../comments/anchors.js'
import { DECLARATION_FRAGMENT } from '../editor/declarationExtensions.js'
import type { InlineContent, SpanChange, SpanInput } from './amendmentSchemas.js'
import { NegotiationRefusal } from './amendmentRules.js'

/** A span found in the text as it is now: the text node and the range it covers there. */
export interface ResolvedSpan {
  readonly text: Y.XmlText
  readonly from: number
  readonly to: number
  readonly content: InlineContent
}

/** The clause element with this id, or a 400 refusal. */
function clauseNamed(doc: Y.Doc, clauseId: string): { element: Y.XmlElement; text: string } {
  const clause = findClause(doc.getXmlFragment(DECLARATION_FRAGMENT), clauseId)
  if (!clause) throw new NegotiationRefusal(400, 'unknown_paragraph.declaration')
  return clause
}

/** Where a span is now, or null when its ends are not in one text node of the clause or have crossed. */
function locate(doc: Y.Doc, element: Y.XmlElement, span: SpanInput): ResolvedSpan | null {
  let start: Y.AbsolutePosition | null
  let end: Y.AbsolutePosition | null
  try {
    start = Y.createAbsolutePositionFromRelativePosition(decodePosition(span.start), doc)
    end = Y.createAbsolutePositionFromRelativePosition(decodePosition(span.end), doc)
  } catch {
    throw new NegotiationRefusal(400, 'bad_span.unreadable')
  }
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText) || start.type.parent !== element) return null
  if (start.index > end.index) return null
  return { text: start.type, from: start.index, to: end.index, content: span.content }
}

function wordsOf(span: ResolvedSpan): string {
  return plainText(span.text).slice(span.from, span.to)
}

/** True when two spans of the same text node share a character, or two insertions share a point. */
function overlaps(a: ResolvedSpan, b: ResolvedSpan): boolean {
  return a.text === b.text && a.from < b.to + (b.from === b.to ? 1 : 0) && b.from < a.to + (a.from === a.to ? 1 : 0)
}

function sameNodeOrder(spans: ResolvedSpan[]): boolean {
  return spans.every((span, index) => spans.every((other, otherIndex) => otherIndex <= index || !overlaps(span, other)))
}

/**
 * Checks a proposal against the paragraph as it is now and records the words each span covers; refuses a span
 * outside the paragraph or spans that overlap.
 */
export function prepareWordChange(doc: Y.Doc, clauseId: string, spans: readonly SpanInput[]): { against: string; spans: SpanChange[] } {
  const clause = clauseNamed(doc, clauseId)
  const resolved = spans.map((span) => {
    const found = locate(doc, clause.element, span)
    if (!found) throw new NegotiationRefusal(400, 'bad_span.outside')
    if (found.from === found.to && span.content.length === 0) throw new NegotiationRefusal(400, 'empty_span.amendment')
    return found
  })
  if (!sameNodeOrder(resolved)) throw new NegotiationRefusal(400, 'overlapping_spans')
  return { against: clause.text, spans: spans.map((span, index) => ({ ...span, original: wordsOf(resolved[index]!) })) }
}

/** The spans as they are now, or null when the words any of them changes were edited since (the amendment needs an update). */
export function resolveWordChange(doc: Y.Doc, clauseId: string, spans: readonly SpanChange[]): ResolvedSpan[] | null {
  const clause = findClause(doc.getXmlFragment(DECLARATION_FRAGMENT), clauseId)
  if (!clause) return null
  const resolved: ResolvedSpan[] = []
  for (const span of spans) {
    const found = locate(doc, clause.element, span)
    if (!found || wordsOf(found) !== span.original) return null
    resolved.push(found)
  }
  return sameNodeOrder(resolved) ? resolved : null
}

/** Formatting attributes for a run: every mark it has, and none it lacks (so it never inherits its neighbour's). */
function attributesOf(marks: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(marks.map((mark) => [mark, {}]))
}

/** Replaces each span's words with its content, in one transaction with `origin`; text outside the spans is untouched. */
export function applyWordChange(doc: Y.Doc, spans: readonly ResolvedSpan[], origin: unknown): void {
  // Later spans first, so earlier indexes in the same node stay right.
  const ordered = [...spans].sort((a, b) => (a.text === b.text ? b.from - a.from : 0))
  doc.transact(() => {
    for (const span of ordered) {
      if (span.to > span.from) span.text.delete(span.from, span.to - span.from)
      let at = span.from
      for (const run of span.content) {
        span.text.insert(at, run.text, attributesOf(run.marks))
        at += run.text.length
      }
    }
  }, origin)
}
