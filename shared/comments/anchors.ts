import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { Anchor } from './commentSchemas.js'

/** Encodes a relative position for storage and transport. */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position))
}

/** Decodes a stored relative position; throws on anything malformed. */
export function decodePosition(encoded: string): Y.RelativePosition {
  return Y.decodeRelativePosition(fromBase64(encoded))
}

/**
 * An anchor on the span between two text positions. The start sticks to the first word of the span and the end to
 * the last, so text typed just outside the span stays outside it.
 */
export function anchorBetween(start: { type: Y.XmlText; index: number }, end: { type: Y.XmlText; index: number }): Anchor {
  return {
    start: encodePosition(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)),
  }
}

/** Where an anchor is now: its paragraph's id, and the text it covers, or that the text was removed. */
export interface ResolvedAnchor {
  clauseId: string | null
  text: string
  removed: boolean
}

const removed: ResolvedAnchor = { clauseId: null, text: '', removed: true }

/** The plain characters of a text node, without formatting. */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((part) => (typeof part.insert === 'string' ? part.insert : '')).join('')
}

function clauseOf(type: Y.AbstractType<unknown>): Y.XmlElement | null {
  const parent = type.parent
  return type instanceof Y.XmlText && parent instanceof Y.XmlElement && parent.nodeName === 'clause' ? parent : null
}

/** The plain text of a clause between two (text node, index) points. */
function textBetween(clause: Y.XmlElement, start: Y.AbsolutePosition, end: Y.AbsolutePosition): string {
  let text = ''
  let inside = false
  for (const child of clause.toArray()) {
    if (!(child instanceof Y.XmlText)) continue
    const content = plainText(child)
    const from: number | null = child === start.type ? start.index : inside ? 0 : null
    const to = child === end.type ? end.index : content.length
    if (from !== null) text += content.slice(from, to)
    inside = from !== null && child !== end.type
    if (child === end.type) break
  }
  return text
}

/** Resolves an anchor against a document as it is now. */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  const start = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.start), doc)
  const end = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.end), doc)
  if (!start || !end) return removed
  const clause = clauseOf(start.type)
  if (!clause || clauseOf(end.type) !== clause) return removed
  const clauseId = clause.getAttribute('id') ?? null
  const text = textBetween(clause, start, end)
  return { clauseId: typeof clauseId === 'string' ? clauseId : null, text, removed: text.length === 0 }
}

/** The id and plain text of the clause with this id, or null when there is none. */
export function findClause(fragment: Y.XmlFragment, clauseId: string): { element: Y.XmlElement; text: string } | null {
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'clause' && child.getAttribute('id') === clauseId) {
      const text = child
        .toArray()
        .map((part) => (part instanceof Y.XmlText ? plainText(part) : ''))
        .join('')
      return { element: child, text }
    }
  }
  return null
}
