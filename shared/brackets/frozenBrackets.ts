import type * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from '../editor/declarationExtensions.js'
import type { NegotiationSnapshot } from '../versions/negotiationSnapshot.js'
import type { BracketItem } from './bracketSchemas.js'
import { placeSpan } from './bracketSpans.js'

/** The open brackets and alternatives of a declaration. */
export function openItems(items: readonly BracketItem[]): BracketItem[] {
  return items.filter((item) => item.status === 'open')
}

/**
 * The open brackets and alternatives as a frozen version records them: offsets into each paragraph's plain text as it
 * is in `doc` now, in document order (then by start, outer before inner, then id). Items of a removed paragraph are left out.
 */
export function frozenBrackets(doc: Y.Doc, items: readonly BracketItem[]): Pick<NegotiationSnapshot, 'brackets' | 'alternatives'> {
  const placed = openItems(items).flatMap((item) => {
    const span = placeSpan(doc, item.clauseId, item.anchor)
    return span ? [{ item, span, frozen: { clauseId: item.clauseId, start: span.start, end: span.end, id: item.id } }] : []
  })
  // The paragraphs' order is only looked up when there is something to sort: a freeze usually has no brackets at all.
  const order = placed.length > 1 ? new Map(doc.getXmlFragment(DECLARATION_FRAGMENT).toArray().map((node, index) => [node, index])) : new Map<unknown, number>()
  placed.sort((a, b) => (order.get(a.span.clause) ?? 0) - (order.get(b.span.clause) ?? 0) || a.span.start - b.span.start || b.span.end - a.span.end || (a.item.id < b.item.id ? -1 : 1))
  return {
    brackets: placed.flatMap(({ item, frozen }) =>
      item.kind === 'bracket' ? [{ ...frozen, requestedBy: item.requestedBy, reason: item.reason, placedBy: `${item.placedBy.name} (${item.placedBy.delegation})` }] : [],
    ),
    alternatives: placed.flatMap(({ item, frozen }) => (item.kind === 'alternatives' ? [{ ...frozen, options: item.options.map((option) => ({ text: option.text, proposedBy: option.proposedBy })) }] : [])),
  }
}

/** How much is still in brackets: open brackets, open sets of alternatives, and how many paragraphs hold either. */
export interface BracketCount {
  brackets: number
  alternatives: number
  paragraphs: number
}

/** Counts the open brackets and alternatives, for a progress summary; only paragraphs in `clauseIds` count, when given. */
export function bracketCount(items: readonly BracketItem[], clauseIds?: ReadonlySet<string>): BracketCount {
  const counted = openItems(items).filter((item) => !clauseIds || clauseIds.has(item.clauseId))
  return {
    brackets: counted.filter((item) => item.kind === 'bracket').length,
    alternatives: counted.filter((item) => item.kind === 'alternatives').length,
    paragraphs: new Set(counted.map((item) => item.clauseId)).size,
  }
}

/** The same count for a version's frozen state: its brackets, alternatives and the paragraphs holding them. */
export function frozenBracketCount(state: Pick<NegotiationSnapshot, 'brackets' | 'alternatives'>): BracketCount {
  const paragraphs = new Set([...state.brackets, ...state.alternatives].map((item) => item.clauseId))
  return { brackets: state.brackets.length, alternatives: state.alternatives.length, paragraphs: paragraphs.size }
}

/** A progress summary's brackets line: the square brackets left, and the paragraphs holding brackets or alternatives. */
export function bracketsProgress(count: BracketCount): { count: number; paragraphs: number } {
  return { count: count.brackets, paragraphs: count.paragraphs }
}
