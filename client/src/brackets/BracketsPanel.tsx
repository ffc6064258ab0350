import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useId, useState } from 'react'
import { getI18n, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Delegation } from '../../../shared/api/schemas.js'
import { bracketCount } from '../../../shared/brackets/frozenBrackets.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import { can, type Role } from '../../../shared/roles.js'
import { callApi } from '../api/apiClient.js'
import { BracketCard } from './BracketCard.js'
import { editorRange } from './BracketMarks.js'
import { PlaceBracketForm } from './PlaceBracketForm.js'
import type { BracketsState } from './useBrackets.js'
import './brackets.css'

interface BracketsPanelProps {
  editor: Editor
  brackets: BracketsState
  role: Role
  /** Called when an item's place in the text is shown, so a panel covering the text can step aside. */
  onShowInText?: () => void
}

/** How many brackets and alternatives are open, as the panel's tab names it, in the interface language (react-i18next's instance, so callers need no `t`). */
export function bracketsSummary(brackets: BracketsState): string {
  const count = bracketCount(brackets.items)
  return getI18n().t('brackets.openCount', { count: count.brackets + count.alternatives })
}

/** The open brackets and alternatives in document order, and for moderators the form that places them. */
export function BracketsPanel({ editor, brackets, role, onShowInText }: BracketsPanelProps) {
  const id = useId()
  const { t } = useTranslation()
  const [delegations, setDelegations] = useState<Delegation[]>([])
  const canManage = can(role, 'brackets.manage')
  useEffect(() => {
    if (canManage) callApi('/delegations', z.array(Delegation)).then(setDelegations, () => undefined)
  }, [canManage])
  // Re-read labels and positions whenever the text changes.
  const clauses = useEditorState({ editor, selector: ({ editor: current }) => labelledClausesOf(current.state).map(({ id: clauseId, label, node }) => ({ clauseId, label, text: node.textContent })) })
  const placed = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      brackets.items
        .filter((item) => item.status === 'open')
        .map((item) => {
          const range = editorRange(current, item)
          return { item, range, words: range ? current.state.doc.textBetween(range.from, range.to) : '' }
        }),
  })
  const order = new Map(clauses.map((clause, index) => [clause.clauseId, { index, label: clause.label }]))
  const sorted = [...placed].sort((a, b) => (order.get(a.item.clauseId)?.index ?? Infinity) - (order.get(b.item.clauseId)?.index ?? Infinity) || (a.range?.from ?? 0) - (b.range?.from ?? 0))
  const count = bracketCount(brackets.items, new Set(clauses.flatMap((clause) => (clause.clauseId ? [clause.clauseId] : []))))

  const showInText = (range: { from: number; to: number }) => {
    onShowInText?.()
    if (editor.isEditable) editor.chain().setTextSelection(range).focus().run()
    editor.view.domAtPos(range.from).node.parentElement?.scrollIntoView({ block: 'center' })
  }

  return (
    <section className="brackets" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('brackets.heading')}</h2>
      <p aria-live="polite">
        {t('brackets.counts', { brackets: t('brackets.bracketCount', { count: count.brackets }), alternatives: t('brackets.alternativesCount', { count: count.alternatives }), paragraphs: t('brackets.paragraphCount', { count: count.paragraphs }) })}
      </p>
      {canManage && <PlaceBracketForm editor={editor} clauses={clauses} delegations={delegations} onPlace={brackets.place} />}
      {brackets.error && <p role="alert">{brackets.error}</p>}
      {sorted.length === 0 && <p>{t('brackets.none')}</p>}
      {sorted.map(({ item, range, words }) => (
        <BracketCard
          key={item.id}
          item={item}
          label={order.get(item.clauseId)?.label ?? ''}
          words={words}
          canManage={canManage}
          onShowInText={range ? () => showInText(range) : null}
          onResolve={(body) => brackets.resolve(item.id, body)}
        />
      ))}
    </section>
  )
}
