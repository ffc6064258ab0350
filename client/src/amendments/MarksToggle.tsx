import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import type { MarksShown } from './AmendmentMarks.js'

interface MarksToggleProps {
  amendments: AmendmentView[]
  shown: MarksShown
  onChange: (shown: MarksShown) => void
}

/** Chooses which pending amendments the text shows: all, none, or one delegation's. */
export function MarksToggle({ amendments, shown, onChange }: MarksToggleProps) {
  const id = useId()
  const { t } = useTranslation()
  const delegations = [...new Map(amendments.filter((amendment) => amendment.status === 'pending').map((amendment) => [amendment.proposedBy.delegation.code, amendment.proposedBy.delegation])).values()]
  const value = typeof shown === 'string' ? shown : shown.delegation
  const handleChange = (next: string) => onChange(next === 'all' || next === 'none' ? next : { delegation: next })
  return (
    <p className="marks-toggle">
      <label htmlFor={id}>{t('amendments.marks.label')}</label>{' '}
      <select id={id} value={value} onChange={(event) => handleChange(event.target.value)}>
        <option value="all">{t('amendments.marks.all')}</option>
        <option value="none">{t('amendments.marks.none')}</option>
        {delegations.map((delegation) => (
          <option key={delegation.code} value={delegation.code}>
            {t('amendments.marks.only', { name: delegation.name })}
          </option>
        ))}
      </select>
    </p>
  )
}
