import type { AmendmentView, Stance } from './amendmentSchemas.js'

const stanceWords: Record<Stance, string> = { 'co-sponsor': 'co-sponsored by', supporter: 'supported by', opposer: 'opposed by' }

// The delegations holding one stance, by name.
function delegationsWith(amendment: AmendmentView, stance: Stance): string[] {
  return amendment.stances.filter((entry) => entry.stance === stance).map((entry) => entry.delegation.name)
}

/** "proposed by Kazakhstan, co-sponsored by Poland; supported by China, Nigeria; opposed by the United States". */
export function stanceSummary(amendment: AmendmentView): string {
  const phrase = (stance: Stance) => {
    const names = delegationsWith(amendment, stance)
    return names.length ? [`${stanceWords[stance]} ${names.join(', ')}`] : []
  }
  const proposed = [`proposed by ${amendment.proposedBy.delegation.name}`, ...phrase('co-sponsor')].join(', ')
  return [proposed, ...phrase('supporter'), ...phrase('opposer')].join('; ')
}
