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

/** What an amendment does, in words: "replace 'shall' with 'should'"; `labelOf` names a paragraph by its id. */
export function describeChange(change: AmendmentChange, labelOf: (clauseId: string) => string): string {
  switch (change.kind) {
    case 'words':
      return change.spans
        .map((span) => {
          const words = wordsOf(span.content)
          if (!span.original) return `insert '${words}'`
          if (!words) return `delete '${span.original}'`
          return `replace '${span.original}' with '${words}'`
        })
        .join('; ')
    case 'paragraph.insert':
      return `add a new ${change.clauseKind} paragraph after ${labelOf(change.after)}: '${wordsOf(change.content)}'`
    case 'paragraph.delete':
      return `delete ${labelOf(change.clauseId)}`
    case 'paragraph.move':
      return `move ${labelOf(change.clauseId)} to after ${labelOf(change.after)}`
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
