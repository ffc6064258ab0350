import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Message, NegotiationKey } from '../../../shared/i18n/messageKeys.js'
import type { AmendmentChange, AmendmentStatus, AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { describeChange } from '../../../shared/negotiation/describeChange.js'
import { stanceSummary } from '../../../shared/negotiation/stanceSummary.js'

/** How a status reads in the interface language. */
export function statusText(t: TFunction, status: AmendmentStatus): string {
  switch (status) {
    case 'pending':
      return t('amendments.status.pending')
    case 'accepted':
      return t('amendments.status.accepted')
    case 'accepted-as-revised':
      return t('amendments.status.acceptedAsRevised')
    case 'rejected':
      return t('amendments.status.rejected')
    case 'withdrawn':
      return t('amendments.status.withdrawn')
    case 'needs-update':
      return t('amendments.status.needsUpdate')
    case 'not-taken-up':
      return t('amendments.status.notTakenUp')
  }
}

/** Words for amendments in the interface language: what one changes, who stands where, its status, and a paragraph that is gone. */
export function useChangeWords() {
  const { t } = useTranslation()
  const say = (message: Message<NegotiationKey>) => t(message.key, { ...message.values, ns: 'negotiation' })
  const removed = t('amendments.removedParagraph')
  return {
    t,
    /** "replace 'shall' with 'should'"; `labelOf` names a paragraph by its id. */
    change: (change: AmendmentChange, labelOf: (clauseId: string) => string) => describeChange(change, labelOf).map(say).join('; '),
    /** "proposed by Kazakhstan; supported by Poland". */
    stances: (amendment: AmendmentView) => say(stanceSummary(amendment)),
    status: (status: AmendmentStatus) => statusText(t, status),
    /** A paragraph's label, or words for one no longer in the text. */
    labelOr: (label: string | undefined) => label || removed,
  }
}
