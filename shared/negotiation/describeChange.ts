import type { Message, NegotiationKey } from '../i18n/messageKeys.js'
import type { AmendmentChange, InlineContent } from './amendmentSchemas.js'

/** A piece of a change as shown: words kept, inserted or deleted. */
export interface ChangePart {
  readonly kind: 'plain' | 'insert' | 'delete'
  readonly text: string
  /** For an insertion: its words with their marks. */
  readonly runs?: InlineContent
}

function wordsOf(content: InlineContent): string {
  return content.map((run) => run.text).join('')
}

/** The paragraph an amendment is about, for grouping and for going to it in the text. */
export function changeClauseId(change: AmendmentChange): string {
  return change.kind === 'paragraph.insert' ? change.after : change.clauseId
}

/**
 * What an amendment does, as one message per change ("replace 'shall' with 'should'"), to put into words in the
 * reader's language and join with "; "; `labelOf` names a paragraph by its id.
 */
export function describeChange(change: AmendmentChange, labelOf: (clauseId: string) => string): Message<NegotiationKey>[] {
  switch (change.kind) {
    case 'words':
      return change.spans.map((span): Message<NegotiationKey> => {
        const words = wordsOf(span.content)
        if (!span.original) return { key: 'change.insert', values: { words } }
        if (!words) return { key: 'change.delete', values: { original: span.original } }
        return { key: 'change.replace', values: { original: span.original, words } }
      })
    case 'paragraph.insert': {
      const values = { after: labelOf(change.after), words: wordsOf(change.content) }
      return [change.clauseKind === 'preambular' ? { key: 'change.paragraphInsertPreambular', values } : { key: 'change.paragraphInsertOperative', values }]
    }
    case 'paragraph.delete':
      return [{ key: 'change.paragraphDelete', values: { paragraph: labelOf(change.clauseId) } }]
    case 'paragraph.move':
      return [{ key: 'change.paragraphMove', values: { paragraph: labelOf(change.clauseId), after: labelOf(change.after) } }]
  }
}

/** The change as marked parts: deletions and insertions in the order they stand in the paragraph. */
export function changeParts(change: AmendmentChange): ChangePart[] {
  switch (change.kind) {
    case 'words':
      return change.spans.flatMap((span, index) => [
        ...(index > 0 ? [{ kind: 'plain' as const, text: ' … ' }] : []),
        ...(span.original ? [{ kind: 'delete' as const, text: span.original }] : []),
        ...(span.content.length > 0 ? [{ kind: 'insert' as const, text: wordsOf(span.content), runs: span.content }] : []),
      ])
    case 'paragraph.insert':
      return [{ kind: 'insert', text: wordsOf(change.content), runs: change.content }]
    case 'paragraph.delete':
      return [{ kind: 'delete', text: change.against.text }]
    case 'paragraph.move':
      return [{ kind: 'plain', text: change.against.text }]
  }
}
