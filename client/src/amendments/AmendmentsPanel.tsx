import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useId, useMemo, useState } from 'react'
import type { Identity } from '../../../shared/api/schemas.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import { AmendmentStatus, type AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { can, type Role } from '../../../shared/roles.js'
import { editorPosition } from '../comments/anchorPositions.js'
import { AmendmentCard } from './AmendmentCard.js'
import { useChangeWords } from './useChangeWords.js'
import { changeClauseId } from '../../../shared/negotiation/describeChange.js'
import type { AmendmentActions } from './useAmendments.js'
import './amendments.css'
import { DelegationFilter, delegationsIn } from '../filters/DelegationFilter.js'

interface AmendmentsPanelProps {
  editor: Editor
  amendments: AmendmentActions
  identity: Identity
  role: Role
  /** The amendment to bring into focus (coming back from the text), and the call that sets it. */
  focused: string | null
  onFocus: (id: string | null) => void
  /** Called when an amendment's place in the text is shown, so a panel covering the text can step aside. */
  onShowInText?: () => void
}

type StatusFilter = 'open' | 'all' | AmendmentStatus

/** Amendments in document order, grouped by paragraph, with counts, filters and each one's actions. */
export function AmendmentsPanel({ editor, amendments, identity, role, focused, onFocus, onShowInText }: AmendmentsPanelProps) {
  const [status, setStatus] = useState<StatusFilter>('open')
  const [delegation, setDelegation] = useState('')
  const [paragraph, setParagraph] = useState('')
  const id = useId()
  const say = useChangeWords()
  const { t } = say
  const clauses = useEditorState({ editor, selector: ({ editor: current }) => labelledClausesOf(current.state).map(({ id: clauseId, label, pos }) => ({ clauseId, label, pos })) })
  const order = useMemo(() => new Map(clauses.map((clause, index) => [clause.clauseId, { index, label: clause.label, pos: clause.pos }])), [clauses])
  const labelOf = (clauseId: string) => say.labelOr(order.get(clauseId)?.label)

  const placeOf = (amendment: AmendmentView) => {
    const change = amendment.change
    const span = change.kind === 'words' ? change.spans[0] : undefined
    return (span && editorPosition(editor, span.start)) ?? order.get(changeClauseId(change))?.pos ?? Infinity
  }
  const sorted = [...amendments.amendments].sort((a, b) => (order.get(changeClauseId(a.change))?.index ?? Infinity) - (order.get(changeClauseId(b.change))?.index ?? Infinity) || placeOf(a) - placeOf(b) || a.number - b.number)
  const visible = sorted.filter(
    (amendment) =>
      (status === 'all' || (status === 'open' ? amendment.status === 'pending' || amendment.status === 'needs-update' : amendment.status === status)) &&
      (!delegation || amendment.proposedBy.delegation.code === delegation) &&
      (!paragraph || changeClauseId(amendment.change) === paragraph),
  )
  const groups = new Map<string, AmendmentView[]>()
  for (const amendment of visible) groups.set(changeClauseId(amendment.change), [...(groups.get(changeClauseId(amendment.change)) ?? []), amendment])
  const delegations = delegationsIn(amendments.amendments, (amendment) => amendment.proposedBy.delegation)
  const pending = amendments.amendments.filter((amendment) => amendment.status === 'pending').length

  const showInText = (amendment: AmendmentView) => {
    onShowInText?.()
    // Cleared so that coming back from the text to this same amendment focuses it again.
    onFocus(null)
    const place = placeOf(amendment)
    const clause = order.get(changeClauseId(amendment.change))
    if (Number.isFinite(place) && clause) editor.chain().setTextSelection(place === clause.pos ? place + 1 : place).focus().run()
    editor.view.dom.querySelector(`.clause[data-label="${clause?.label ?? ''}"]`)?.scrollIntoView({ block: 'center' })
  }

  return (
    <section className="amendments" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {t('amendments.heading', { pending, total: amendments.amendments.length })}
      </h2>
      <fieldset className="amendments__filters">
        <legend>{t('amendments.show')}</legend>
        <label htmlFor={`${id}-status`}>{t('amendments.statusFilter')}</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
          <option value="open">{t('amendments.openOption')}</option>
          <option value="all">{t('amendments.allOption')}</option>
          {AmendmentStatus.options.map((option) => (
            <option key={option} value={option}>
              {say.status(option)}
            </option>
          ))}
        </select>
        <DelegationFilter id={`${id}-delegation`} value={delegation} delegations={delegations} onChange={setDelegation} />
        <label htmlFor={`${id}-paragraph`}>{t('amendments.paragraph')}</label>
        <select id={`${id}-paragraph`} value={paragraph} onChange={(event) => setParagraph(event.target.value)}>
          <option value="">{t('amendments.allParagraphs')}</option>
          {clauses.map((clause) => (
            <option key={clause.label} value={clause.clauseId ?? ''}>
              {clause.label}
            </option>
          ))}
        </select>
      </fieldset>
      <p className="amendments__hint">{t('amendments.hint')}</p>
      {amendments.error && <p role="alert">{amendments.error}</p>}
      {visible.length === 0 && <p>{t('amendments.noneMatch')}</p>}
      {[...groups].map(([clauseId, members]) => (
        <section key={clauseId} className="amendments__group" aria-labelledby={`${id}-${clauseId}`}>
          <h3 id={`${id}-${clauseId}`} className="amendments__paragraph">
            {t('amendments.paragraphCount', { paragraph: labelOf(clauseId), count: members.length })}
          </h3>
          {members.map((amendment) => (
            <AmendmentCard
              key={amendment.id}
              amendment={amendment}
              label={order.get(changeClauseId(amendment.change))?.label ?? ''}
              labelOf={labelOf}
              identity={identity}
              canPropose={can(role, 'amendment.propose')}
              canDecide={can(role, 'amendment.decide')}
              focused={focused === amendment.id}
              onShowInText={order.has(changeClauseId(amendment.change)) ? () => showInText(amendment) : null}
              onStance={(stance) => amendments.setStance(amendment.number, stance)}
              onEdit={(change, justification) => amendments.edit(amendment.number, change, justification)}
              onWithdraw={() => amendments.withdraw(amendment.number)}
              onAccept={() => amendments.accept(amendment.number)}
              onAcceptRevised={(change) => amendments.acceptRevised(amendment.number, change)}
              onReject={(reason) => amendments.reject(amendment.number, reason)}
            />
          ))}
        </section>
      ))}
    </section>
  )
}
