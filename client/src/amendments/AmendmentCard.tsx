import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Identity } from '../../../shared/api/schemas.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import type { AmendmentStatus, AmendmentView, ChangeInput, Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { ChangeText } from './ChangeText.js'
import { describeChange } from '../../../shared/negotiation/describeChange.js'
import { RevisionForm } from './RevisionForm.js'
import { stanceSummary } from '../../../shared/negotiation/stanceSummary.js'

/** How each status reads. */
export const statusLabel: Record<AmendmentStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  'accepted-as-revised': 'Accepted as revised',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  'needs-update': 'Needs update',
  'not-taken-up': 'Not taken up',
}

const stanceButtons: { stance: Stance; label: string }[] = [
  { stance: 'co-sponsor', label: 'Co-sponsor' },
  { stance: 'supporter', label: 'Support' },
  { stance: 'opposer', label: 'Oppose' },
]

interface AmendmentCardProps {
  amendment: AmendmentView
  /** The paragraph's label now (OP3), or empty when it is gone. */
  label: string
  labelOf: (clauseId: string) => string
  identity: Identity
  canPropose: boolean
  canDecide: boolean
  focused: boolean
  onShowInText: (() => void) | null
  onStance: (stance: Stance | null) => Promise<void>
  onEdit: (change: ChangeInput, justification: string) => Promise<void>
  onWithdraw: () => Promise<void>
  onAccept: () => Promise<void>
  onAcceptRevised: (change: ChangeInput) => Promise<void>
  onReject: (reason: string) => Promise<void>
}

/** One amendment: its number, who proposed it and who stands where, the change marked in text, and what this person may do. */
export function AmendmentCard(props: AmendmentCardProps) {
  const { amendment, label, identity, canPropose, canDecide, focused } = props
  const ref = useRef<HTMLElement>(null)
  const [form, setForm] = useState<'edit' | 'revise' | 'reject' | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  useEffect(() => {
    if (focused) ref.current?.focus()
  }, [focused])

  const run = (action: Promise<void>) => {
    setError(null)
    action.then(
      () => setForm(null),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  const handleReject = (event: FormEvent) => {
    event.preventDefault()
    run(props.onReject(reason))
  }

  const open = amendment.status === 'pending' || amendment.status === 'needs-update'
  const own = amendment.proposedBy.delegation.code === identity.delegation.code
  const myStance = amendment.stances.find((entry) => entry.delegation.code === identity.delegation.code)?.stance ?? null
  const words = amendment.change.kind === 'words' ? amendment.change : null
  return (
    <article ref={ref} tabIndex={-1} className={`amendment amendment--${amendment.status}${focused ? ' amendment--focused' : ''}`} aria-labelledby={`${id}-title`} data-amendment={amendment.label}>
      <h3 id={`${id}-title`} className="amendment__title">
        {amendment.label} on {label || 'a removed paragraph'} — {statusLabel[amendment.status]}
      </h3>
      <p className="amendment__who">
        <span className="amendment__code" style={{ borderColor: amendment.proposedBy.delegation.color }}>
          {amendment.proposedBy.delegation.code}
        </span>{' '}
        <span dir="auto">{amendment.proposedBy.name}</span>, {formatDateTime(amendment.proposedAt)}
      </p>
      <p className="amendment__summary" dir="auto">
        {stanceSummary(amendment)}: {describeChange(amendment.change, props.labelOf)}
      </p>
      <ChangeText change={amendment.change} />
      {amendment.justification && (
        <p className="amendment__justification" dir="auto">
          Justification: {amendment.justification}
        </p>
      )}
      {amendment.decidedBy && amendment.decidedAt && (
        <p className="amendment__decision">
          {statusLabel[amendment.status]} by <span dir="auto">{amendment.decidedBy.name}</span> ({amendment.decidedBy.delegation.name}), {formatDateTime(amendment.decidedAt)}
          {amendment.reason && (
            <>
              : <span dir="auto">{amendment.reason}</span>
            </>
          )}
        </p>
      )}
      <div className="amendment__actions">
        {props.onShowInText && (
          <button type="button" onClick={props.onShowInText}>
            Show in text
          </button>
        )}
        {open && canPropose && !own && (
          <div role="group" aria-label={`Your delegation's stance on ${amendment.label}`}>
            {stanceButtons.map(({ stance, label: text }) => (
              <button key={stance} type="button" aria-pressed={myStance === stance} onClick={() => run(props.onStance(stance))}>
                {text}
              </button>
            ))}
            {myStance && (
              <button type="button" onClick={() => run(props.onStance(null))}>
                Withdraw stance
              </button>
            )}
          </div>
        )}
        {open && canPropose && own && (
          <>
            {words && (
              <button type="button" onClick={() => setForm('edit')}>
                Edit
              </button>
            )}
            <button type="button" onClick={() => run(props.onWithdraw())}>
              Withdraw {amendment.label}
            </button>
          </>
        )}
        {open && canDecide && (
          <>
            <button type="button" onClick={() => run(props.onAccept())}>
              Accept {amendment.label}
            </button>
            {words && (
              <button type="button" onClick={() => setForm('revise')}>
                Accept as revised
              </button>
            )}
            <button type="button" onClick={() => setForm('reject')}>
              Reject
            </button>
          </>
        )}
      </div>
      {form === 'edit' && words && <RevisionForm change={words} justification={amendment.justification} submitLabel="Save amendment" onSubmit={(change, justification) => props.onEdit(change, justification).then(() => setForm(null))} onCancel={() => setForm(null)} />}
      {form === 'revise' && words && <RevisionForm change={words} justification={null} submitLabel="Accept with this wording" onSubmit={(change) => props.onAcceptRevised(change).then(() => setForm(null))} onCancel={() => setForm(null)} />}
      {form === 'reject' && (
        <form className="amendment__form" onSubmit={handleReject}>
          <label htmlFor={`${id}-reason`}>Reason for rejecting {amendment.label}</label>
          <textarea id={`${id}-reason`} dir="auto" rows={2} maxLength={2000} required value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="submit">Reject {amendment.label}</button>
          <button type="button" onClick={() => setForm(null)}>
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  )
}
