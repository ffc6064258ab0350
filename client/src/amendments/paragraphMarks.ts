import type { EditorState } from '@tiptap/pm/state'
import type { TFunction } from 'i18next'
import { Decoration } from '@tiptap/pm/view'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import type { LabelledClause } from '../../../shared/editor/clauseLabels.js'
import type { AmendmentView, InlineContent } from '../../../shared/negotiation/amendmentSchemas.js'
import { appendRuns } from './runElements.js'

/** A pending paragraph deletion or move, over the text of the paragraph it is about. */
export interface ParagraphRange {
  amendment: AmendmentView
  from: number
  to: number
}

function tagText(amendment: AmendmentView): string {
  return `${amendment.label} ${amendment.proposedBy.delegation.code}`
}

/** The label "A3 KAZ" in words, then what it proposes; the colour only repeats the code. */
function note(amendment: AmendmentView, words: string, block: boolean, inserted?: InlineContent): HTMLElement {
  const element = document.createElement(block ? 'div' : 'span')
  element.className = block ? 'amendment-para' : 'amendment-para-note'
  element.dataset.amendment = amendment.label
  element.style.borderColor = amendment.proposedBy.delegation.color
  const tag = document.createElement('span')
  tag.className = 'amendment-tag'
  tag.style.borderColor = amendment.proposedBy.delegation.color
  tag.textContent = tagText(amendment)
  element.append(tag, ` ${words}`)
  if (inserted) {
    const ins = document.createElement('ins')
    ins.className = 'amendment-ins'
    ins.style.textDecorationColor = amendment.proposedBy.delegation.color
    appendRuns(ins, inserted)
    element.append(' ', ins)
  }
  return element
}

/** The editor's paragraphs by id, with the labels it shows (the round's, such as OP7bis, once a version is frozen). */
function byId(state: EditorState): Map<string, LabelledClause> {
  return new Map(labelledClausesOf(state).flatMap((clause) => (clause.id ? [[clause.id, clause] as const] : [])))
}

/** Where pending deletions and moves stand in the text now: the whole text of their paragraph. */
export function paragraphRanges(state: EditorState, amendments: readonly AmendmentView[]): ParagraphRange[] {
  const clauses = byId(state)
  return amendments.flatMap((amendment) => {
    const { change } = amendment
    if (change.kind !== 'paragraph.delete' && change.kind !== 'paragraph.move') return []
    const clause = clauses.get(change.clauseId)
    return clause ? [{ amendment, from: clause.pos + 1, to: clause.pos + clause.node.nodeSize - 1 }] : []
  })
}

/**
 * Pending paragraph amendments in the text: a proposed paragraph as a block after the one it follows, a deletion
 * struck through, a move marked where the paragraph is and where it would go; each labelled "A3 KAZ" with words in the interface language.
 */
export function paragraphDecorations(state: EditorState, amendments: readonly AmendmentView[], t: TFunction): Decoration[] {
  const clauses = byId(state)
  return amendments.flatMap((amendment): Decoration[] => {
    const { change } = amendment
    const color = amendment.proposedBy.delegation.color
    const key = (place: string, words: string) => `para-${amendment.id}-${place}-${words}`
    switch (change.kind) {
      case 'words':
        return []
      case 'paragraph.insert': {
        const after = clauses.get(change.after)
        if (!after) return []
        const words = change.clauseKind === 'preambular' ? t('amendments.inText.insertPreambular', { after: after.label }) : t('amendments.inText.insertOperative', { after: after.label })
        return [Decoration.widget(after.pos + after.node.nodeSize, () => note(amendment, words, true, change.content), { side: 1, key: key('insert', words + JSON.stringify(change.content)), ignoreSelection: true })]
      }
      case 'paragraph.delete': {
        const clause = clauses.get(change.clauseId)
        if (!clause) return []
        const words = t('amendments.inText.delete', { paragraph: clause.label })
        return [
          Decoration.widget(clause.pos + 1, () => note(amendment, words, false), { side: -1, key: key('delete', words), ignoreSelection: true }),
          Decoration.inline(clause.pos + 1, clause.pos + clause.node.nodeSize - 1, { class: 'amendment-del', 'data-amendment': amendment.label, style: `text-decoration-color: ${color}` }),
        ]
      }
      case 'paragraph.move': {
        const clause = clauses.get(change.clauseId)
        const after = clauses.get(change.after)
        if (!clause || !after) return []
        const from = t('amendments.inText.moveFrom', { paragraph: clause.label, after: after.label })
        const to = t('amendments.inText.moveTo', { paragraph: clause.label, after: after.label })
        return [
          Decoration.widget(clause.pos + 1, () => note(amendment, from, false), { side: -1, key: key('move-from', from), ignoreSelection: true }),
          Decoration.inline(clause.pos + 1, clause.pos + clause.node.nodeSize - 1, { class: 'amendment-moved', 'data-amendment': amendment.label, style: `text-decoration-color: ${color}` }),
          Decoration.widget(after.pos + after.node.nodeSize, () => note(amendment, to, true), { side: 1, key: key('move-to', to), ignoreSelection: true }),
        ]
      }
    }
  })
}
