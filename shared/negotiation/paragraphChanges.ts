import * as Y from 'yjs'
import { findClause } from '../comments/anchors.js'
import { newClauseId } from '../editor/clauseId.js'
import type { ClauseKind } from '../editor/clauseKind.js'
import { DECLARATION_FRAGMENT } from '../editor/declarationExtensions.js'
import type { AmendmentChange, ChangeInput, InlineContent } from './amendmentSchemas.js'
import { NegotiationRefusal } from './amendmentRules.js'
import { applyWordChange, prepareWordChange, resolveWordChange, type ResolvedSpan } from './wordChanges.js'

/** A proposal checked against the text: the paragraph text it was made against, and the stored change once hashed. */
export interface PreparedChange {
  against: string
  build(sha256: string): AmendmentChange
}

/** A stored change found in the text as it is now, ready to apply. */
export type ResolvedChange =
  | { kind: 'words'; spans: ResolvedSpan[] }
  | { kind: 'paragraph.insert'; index: number; clauseKind: ClauseKind; content: InlineContent }
  | { kind: 'paragraph.delete'; element: Y.XmlElement }
  | { kind: 'paragraph.move'; element: Y.XmlElement; after: Y.XmlElement }

function clauseOrRefuse(doc: Y.Doc, clauseId: string): { element: Y.XmlElement; text: string } {
  const clause = findClause(doc.getXmlFragment(DECLARATION_FRAGMENT), clauseId)
  if (!clause) throw new NegotiationRefusal(400, 'unknown_paragraph.declaration')
  return clause
}

/** Checks a proposal against the text as it is now; refuses unknown paragraphs and spans outside their paragraph. */
export function prepareChange(doc: Y.Doc, input: ChangeInput): PreparedChange {
  switch (input.kind) {
    case 'words': {
      const { against, spans } = prepareWordChange(doc, input.clauseId, input.spans)
      return { against, build: (sha256) => ({ kind: 'words', clauseId: input.clauseId, against: { text: against, sha256 }, spans }) }
    }
    case 'paragraph.insert': {
      const after = clauseOrRefuse(doc, input.after)
      return { against: after.text, build: () => ({ ...input }) }
    }
    case 'paragraph.delete': {
      const clause = clauseOrRefuse(doc, input.clauseId)
      return { against: clause.text, build: (sha256) => ({ ...input, against: { text: clause.text, sha256 } }) }
    }
    case 'paragraph.move': {
      const clause = clauseOrRefuse(doc, input.clauseId)
      clauseOrRefuse(doc, input.after)
      if (input.after === input.clauseId) throw new NegotiationRefusal(400, 'bad_move')
      return { against: clause.text, build: (sha256) => ({ ...input, against: { text: clause.text, sha256 } }) }
    }
  }
}

/** The change as it applies now, or null when the text it changes was edited since it was made (it needs an update). */
export function resolveChange(doc: Y.Doc, change: AmendmentChange): ResolvedChange | null {
  const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
  switch (change.kind) {
    case 'words': {
      const spans = resolveWordChange(doc, change.clauseId, change.spans)
      return spans && { kind: 'words', spans }
    }
    case 'paragraph.insert': {
      const after = findClause(fragment, change.after)
      if (!after) return null
      return { kind: 'paragraph.insert', index: fragment.toArray().indexOf(after.element) + 1, clauseKind: change.clauseKind, content: change.content }
    }
    case 'paragraph.delete': {
      const clause = findClause(fragment, change.clauseId)
      return clause && clause.text === change.against.text ? { kind: 'paragraph.delete', element: clause.element } : null
    }
    case 'paragraph.move': {
      const clause = findClause(fragment, change.clauseId)
      const after = findClause(fragment, change.after)
      return clause && after && clause.text === change.against.text ? { kind: 'paragraph.move', element: clause.element, after: after.element } : null
    }
  }
}

function newClause(id: string, kind: string, content: InlineContent | Y.XmlText[]): Y.XmlElement {
  const element = new Y.XmlElement('clause')
  element.setAttribute('id', id)
  element.setAttribute('kind', kind)
  const text = new Y.XmlText()
  const runs = content.flatMap((part) => (part instanceof Y.XmlText ? (part.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) : [{ insert: part.text, attributes: Object.fromEntries(part.marks.map((mark) => [mark, {}])) }]))
  text.applyDelta(runs.filter((run) => typeof run.insert === 'string'))
  element.insert(0, [text])
  return element
}

/** Applies a resolved change in one transaction with `origin`. */
export function applyChange(doc: Y.Doc, change: ResolvedChange, origin: unknown): void {
  const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
  const indexOf = (element: Y.XmlElement) => fragment.toArray().indexOf(element)
  switch (change.kind) {
    case 'words':
      return applyWordChange(doc, change.spans, origin)
    case 'paragraph.insert':
      return doc.transact(() => fragment.insert(change.index, [newClause(newClauseId(), change.clauseKind, change.content)]), origin)
    case 'paragraph.delete':
      return doc.transact(() => fragment.delete(indexOf(change.element), 1), origin)
    case 'paragraph.move':
      // Yjs cannot move a node: a copy with the same id and kind takes its place, its words' formatting kept.
      return doc.transact(() => {
        const id = String(change.element.getAttribute('id'))
        const kind = String(change.element.getAttribute('kind') ?? 'operative')
        const texts = change.element.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)
        const copy = newClause(id, kind, texts)
        fragment.delete(indexOf(change.element), 1)
        fragment.insert(indexOf(change.after) + 1, [copy])
      }, origin)
  }
}
