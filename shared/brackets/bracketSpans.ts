import * as Y from 'yjs'
import { decodePosition, findClause, plainText } from '../comments/anchors.js'
import type { Anchor } from '../comments/commentSchemas.js'
import { DECLARATION_FRAGMENT } from '../editor/declarationExtensions.js'
import { NegotiationRefusal } from '../negotiation/amendmentRules.js'

/** Where a bracket or a set of alternatives stands now: its paragraph, the paragraph's plain text, and UTF-16 offsets into it. */
export interface PlacedSpan {
  clause: Y.XmlElement
  text: string
  start: number
  end: number
}

function textNodes(clause: Y.XmlElement): Y.XmlText[] {
  return clause.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)
}

function absolute(doc: Y.Doc, encoded: string): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(decodePosition(encoded), doc)
  } catch {
    return null
  }
}

/** The offset of a position into the paragraph's plain text, or null when it is not in one of the paragraph's text nodes. */
function offsetOf(nodes: readonly Y.XmlText[], position: Y.AbsolutePosition | null): number | null {
  if (!position) return null
  let offset = 0
  for (const node of nodes) {
    const length = plainText(node).length
    if (node === position.type) return offset + Math.min(position.index, length)
    offset += length
  }
  return null
}

/**
 * Where a stored span stands now, or null when its paragraph is gone. Once all its words are deleted it is an empty
 * span where they were (at the paragraph's start when even their text node is gone); without an anchor it is the
 * whole paragraph.
 */
export function placeSpan(doc: Y.Doc, clauseId: string, anchor: Anchor | null): PlacedSpan | null {
  const clause = findClause(doc.getXmlFragment(DECLARATION_FRAGMENT), clauseId)
  if (!clause) return null
  if (!anchor) return { clause: clause.element, text: clause.text, start: 0, end: clause.text.length }
  const nodes = textNodes(clause.element)
  const start = offsetOf(nodes, absolute(doc, anchor.start))
  const end = offsetOf(nodes, absolute(doc, anchor.end))
  const from = start ?? end ?? 0
  return { clause: clause.element, text: clause.text, start: from, end: Math.max(from, end ?? from) }
}

/** Checks a new span against the text as it is now and returns the words it covers; refuses unknown paragraphs and spans outside one paragraph. */
export function checkNewSpan(doc: Y.Doc, clauseId: string, anchor: Anchor | undefined): string {
  const clause = findClause(doc.getXmlFragment(DECLARATION_FRAGMENT), clauseId)
  if (!clause) throw new NegotiationRefusal(400, 'unknown_paragraph.declaration')
  if (!anchor) return clause.text
  const nodes = textNodes(clause.element)
  const start = offsetOf(nodes, absolute(doc, anchor.start))
  const end = offsetOf(nodes, absolute(doc, anchor.end))
  if (start === null || end === null) throw new NegotiationRefusal(400, 'bad_span.bracket')
  if (end <= start) throw new NegotiationRefusal(400, 'empty_span.bracket')
  return clause.text.slice(start, end)
}

/** Writes `words` in place of the span, in one transaction with `origin`; text outside the span is untouched. */
export function replaceSpan(doc: Y.Doc, span: PlacedSpan, words: string, origin: unknown): void {
  const nodes = textNodes(span.clause)
  doc.transact(() => {
    let offset = 0
    let insertAt: { node: Y.XmlText; index: number } | null = null
    // Where each node's part of the span lies is read before any of them changes.
    const cuts: { node: Y.XmlText; from: number; to: number }[] = []
    for (const node of nodes) {
      const length = plainText(node).length
      if (!insertAt && span.start <= offset + length) insertAt = { node, index: span.start - offset }
      cuts.push({ node, from: Math.max(span.start - offset, 0), to: Math.min(span.end - offset, length) })
      offset += length
    }
    for (const cut of cuts) if (cut.to > cut.from) cut.node.delete(cut.from, cut.to - cut.from)
    if (!words) return
    if (insertAt) insertAt.node.insert(insertAt.index, words)
    else {
      const text = new Y.XmlText()
      text.insert(0, words)
      span.clause.insert(span.clause.length, [text])
    }
  }, origin)
}
