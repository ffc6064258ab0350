import type { AmendmentChange, ChangeInput } from '../negotiation/amendmentSchemas.js'

/**
 * The paragraph whose text or place an amendment changes, or null for a new paragraph: inserting after a paragraph
 * leaves that paragraph as it is, so an agreed one does not refuse it.
 */
export function amendedParagraph(change: AmendmentChange | ChangeInput): string | null {
  return change.kind === 'paragraph.insert' ? null : change.clauseId
}
