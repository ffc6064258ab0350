import type { ExportsKey, Message } from '../../../shared/i18n/messageKeys.js'
import type { AmendmentChange, AmendmentView, InlineContent, Stance } from '../../../shared/negotiation/amendmentSchemas.js'

const stanceKeys: Record<Stance, ExportsKey> = { 'co-sponsor': 'compilation.coSponsoredBy', supporter: 'compilation.supportedBy', opposer: 'compilation.opposedBy' }

function wordsOf(content: InlineContent): string {
  return content.map((run) => run.text).join('')
}

/** Who stands where on an amendment, as messages: proposed (and co-sponsored) by, supported by, opposed by. */
export function stanceMessages(amendment: AmendmentView): { proposal: Message<ExportsKey>[]; others: Message<ExportsKey>[] } {
  const phrase = (stance: Stance): Message<ExportsKey>[] => {
    const names = amendment.stances.filter((entry) => entry.stance === stance).map((entry) => entry.delegation.name)
    return names.length ? [{ key: stanceKeys[stance], values: { names: names.join(', ') } }] : []
  }
  return { proposal: [{ key: 'compilation.proposedBy', values: { names: amendment.proposedBy.delegation.name } }, ...phrase('co-sponsor')], others: [...phrase('supporter'), ...phrase('opposer')] }
}

/** What an amendment does, as messages; `labelOf` names a paragraph by its id. */
export function changeMessages(change: AmendmentChange, labelOf: (clauseId: string) => string): Message<ExportsKey>[] {
  switch (change.kind) {
    case 'words':
      return change.spans.map((span): Message<ExportsKey> => {
        const words = wordsOf(span.content)
        if (!span.original) return { key: 'compilation.insert', values: { words } }
        if (!words) return { key: 'compilation.delete', values: { original: span.original } }
        return { key: 'compilation.replace', values: { original: span.original, words } }
      })
    case 'paragraph.insert':
      return [{ key: `compilation.paragraphInsert.${change.clauseKind}`, values: { after: labelOf(change.after), words: wordsOf(change.content) } }]
    case 'paragraph.delete':
      return [{ key: 'compilation.paragraphDelete', values: { paragraph: labelOf(change.clauseId) } }]
    case 'paragraph.move':
      return [{ key: 'compilation.paragraphMove', values: { paragraph: labelOf(change.clauseId), after: labelOf(change.after) } }]
  }
}
