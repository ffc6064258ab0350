import type * as Y from 'yjs'
import { documentClauses } from '../../../shared/editor/documentClauses.js'

/** One paragraph of a person's text, with the label it had on their screen. */
export interface DraftParagraph {
  label: string
  text: string
}

/** Every clause of a document, as its label and plain text. */
export function draftParagraphs(doc: Y.Doc): DraftParagraph[] {
  return documentClauses(doc).map((clause) => ({ label: clause.label, text: clause.node.textContent }))
}

/** The paragraphs of `mine` that the server's text does not hold word for word: what refusing the change lost. */
export function unsentParagraphs(mine: readonly DraftParagraph[], servers: readonly DraftParagraph[]): DraftParagraph[] {
  const known = new Set(servers.map((paragraph) => paragraph.text))
  return mine.filter((paragraph) => paragraph.text.trim() !== '' && !known.has(paragraph.text))
}
