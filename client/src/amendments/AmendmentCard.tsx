import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { Trans } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import type { AmendmentView, ChangeInput, Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { ChangeText } from './ChangeText.js'
import { ErrorAlert } from '../layout/ErrorAlert.js'
import { useAction } from '../layout/useAction.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { RevisionForm } from './RevisionForm.js'
import { useChangeWords } from './useChangeWords.js'

const stances: Stance[] = ['co-sponsor', 'supporter', 'opposer']

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
  const { error, run: runAction } = useAction()
  const id = useId()
  const say = useChangeWords()
  const { t } = say
  const dateTime = useDateTime()

  useEffect(() => {
    if (focused) ref.current?.focus()
  }, [focused])

  const run = (action: Promise<void>) => runAction(action, () => setForm(null))

  const handleReject = (event: FormEvent) => {
    event.preventDefault()
    run(props.onReject(reason))
  }

  // Who decided and when, for the sentence that says so; user-written names and reasons keep their own direction.
  const decision = (by: NonNullable<AmendmentView['decidedBy']>, at: string) => ({
    values: { status: say.status(amendment.status), name: by.name, delegation: by.delegation.name, date: dateTime(at), reason: amendment.reason ?? '' },
    components: { who: <span dir="auto" />, why: <span dir="auto" /> },
  })
  const open = amendment.status === 'pending' || amendment.status === 'needs-update'
  const own = amendment.proposedBy.delegation.code === identity.delegation.code
  const myStance = amendment.stances.find((entry) => entry.delegation.code === identity.delegation.code)?.stance ?? null
  const words = amendment.change.kind === 'words' ? amendment.change : null
  return (
    <article ref={ref} tabIndex={-1} className={`amendment amendment--${amendment.status}${focused ? ' amendment--focused' : ''}`} aria-labelledby={`${id}-title`} data-amendment={amendment.label}>
      <h3 id={`${id}-title`} className="amendment__title">
        {t('amendments.cardTitle', { label: amendment.label, paragraph: say.labelOr(label), status: say.status(amendment.status) })}
      </h3>
      <p className="amendment__who">
        <span className="amendment__code" style={{ borderColor: amendment.proposedBy.delegation.color }}>
          {amendment.proposedBy.delegation.code}
        </span>{' '}
        <span dir="auto">{amendment.proposedBy.name}</span>, {dateTime(amendment.proposedAt)}
      </p>
      <p className="amendment__summary" dir="auto">
        {t('amendments.summary', { stances: say.stances(amendment), change: say.change(amendment.change, props.labelOf) })}
      </p>
      <ChangeText change={amendment.change} />
      {amendment.justification && (
        <p className="amendment__justification" dir="auto">
          {t('amendments.justification', { justification: amendment.justification })}
        </p>
      )}
      {amendment.decidedBy && amendment.decidedAt && (
        <p className="amendment__decision">
          {amendment.reason ? <Trans i18nKey="amendments.decisionWithReason" {...decision(amendment.decidedBy, amendment.decidedAt)} /> : <Trans i18nKey="amendments.decision" {...decision(amendment.decidedBy, amendment.decidedAt)} />}
        </p>
      )}
      <div className="amendment__actions">
        {props.onShowInText && (
          <button type="button" onClick={props.onShowInText}>
            {t('amendments.showInText')}
          </button>
        )}
        {open && canPropose && !own && (
          <div role="group" aria-label={t('amendments.stanceGroup', { label: amendment.label })}>
            {stances.map((stance) => (
              <button key={stance} type="button" aria-pressed={myStance === stance} onClick={() => run(props.onStance(stance))}>
                {stance === 'co-sponsor' ? t('amendments.coSponsor') : stance === 'supporter' ? t('amendments.support') : t('amendments.oppose')}
              </button>
            ))}
            {myStance && (
              <button type="button" onClick={() => run(props.onStance(null))}>
                {t('amendments.withdrawStance')}
              </button>
            )}
          </div>
        )}
        {open && canPropose && own && (
          <>
            {words && (
              <button type="button" onClick={() => setForm('edit')}>
                {t('amendments.edit')}
              </button>
            )}
            <button type="button" onClick={() => run(props.onWithdraw())}>
              {t('amendments.withdraw', { label: amendment.label })}
            </button>
          </>
        )}
        {open && canDecide && (
          <>
            <button type="button" onClick={() => run(props.onAccept())}>
              {t('amendments.accept', { label: amendment.label })}
            </button>
            {words && (
              <button type="button" onClick={() => setForm('revise')}>
                {t('amendments.acceptAsRevised')}
              </button>
            )}
            <button type="button" onClick={() => setForm('reject')}>
              {t('amendments.reject')}
            </button>
          </>
        )}
      </div>
      {form === 'edit' && words && <RevisionForm change={words} justification={amendment.justification} submitLabel={t('amendments.save')} onSubmit={(change, justification) => props.onEdit(change, justification).then(() => setForm(null))} onCancel={() => setForm(null)} />}
      {form === 'revise' && words && <RevisionForm change={words} justification={null} submitLabel={t('amendments.acceptWording')} onSubmit={(change) => props.onAcceptRevised(change).then(() => setForm(null))} onCancel={() => setForm(null)} />}
      {form === 'reject' && (
        <form className="amendment__form" onSubmit={handleReject}>
          <label htmlFor={`${id}-reason`}>{t('amendments.rejectReason', { label: amendment.label })}</label>
          <textarea id={`${id}-reason`} dir="auto" rows={2} maxLength={2000} required value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="submit">{t('amendments.rejectNamed', { label: amendment.label })}</button>
          <button type="button" onClick={() => setForm(null)}>
            {t('amendments.cancel')}
          </button>
        </form>
      )}
      <ErrorAlert error={error} />
    </article>
  )
}
