import type { Message, NegotiationKey } from '../i18n/messageKeys.js'
import type { AmendmentView, Stance } from './amendmentSchemas.js'

// The delegations holding one stance, by name.
function delegationsWith(amendment: AmendmentView, stance: Stance): string {
  return amendment.stances
    .filter((entry) => entry.stance === stance)
    .map((entry) => entry.delegation.name)
    .join(', ')
}

// One whole sentence for each set of stances present (Co-sponsored, Supported, Opposed), so each language words it whole.
const summaryKeys: Record<string, NegotiationKey> = {
  '': 'stances.proposed',
  C: 'stances.coSponsored',
  S: 'stances.proposedSupported',
  CS: 'stances.coSponsoredSupported',
  O: 'stances.proposedOpposed',
  CO: 'stances.coSponsoredOpposed',
  SO: 'stances.proposedSupportedOpposed',
  CSO: 'stances.coSponsoredSupportedOpposed',
}

/** "proposed by Kazakhstan, co-sponsored by Poland; supported by China, Nigeria; opposed by the United States", as a message. */
export function stanceSummary(amendment: AmendmentView): Message<NegotiationKey> {
  const coSponsors = delegationsWith(amendment, 'co-sponsor')
  const supporters = delegationsWith(amendment, 'supporter')
  const opposers = delegationsWith(amendment, 'opposer')
  return {
    key: summaryKeys[`${coSponsors ? 'C' : ''}${supporters ? 'S' : ''}${opposers ? 'O' : ''}`]!,
    values: { proposer: amendment.proposedBy.delegation.name, ...(coSponsors && { coSponsors }), ...(supporters && { supporters }), ...(opposers && { opposers }) },
  }
}
