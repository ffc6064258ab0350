import { useTranslation } from 'react-i18next'

/** A delegation as a filter offers it. */
export interface FilterDelegation {
  code: string
  name: string
}

/** The delegations that appear in a list, once each, in order of first appearance. */
export function delegationsIn<T>(items: readonly T[], delegationOf: (item: T) => FilterDelegation): FilterDelegation[] {
  return [...new Map(items.map((item) => [delegationOf(item).code, delegationOf(item)])).values()]
}

/** "Delegation" with "All delegations" and each delegation in the list: shared by the comments and amendments panels. */
export function DelegationFilter({ id, value, delegations, onChange }: { id: string; value: string; delegations: FilterDelegation[]; onChange: (code: string) => void }) {
  const { t } = useTranslation()
  return (
    <>
      <label htmlFor={id}>{t('filters.delegation')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('filters.allDelegations')}</option>
        {delegations.map((entry) => (
          <option key={entry.code} value={entry.code} dir="auto">
            {entry.name}
          </option>
        ))}
      </select>
    </>
  )
}
