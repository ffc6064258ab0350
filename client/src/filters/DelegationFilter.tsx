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
  return (
    <>
      <label htmlFor={id}>Delegation</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All delegations</option>
        {delegations.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.name}
          </option>
        ))}
      </select>
    </>
  )
}
