import { useTranslation } from 'react-i18next'
import { withBracketsPrinted } from '../../../shared/brackets/bracketedCanonical.js'
import { frozenStatusesOf, frozenStatusMap } from '../../../shared/paragraphStatus/frozenStatuses.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { CanonicalTextView } from '../versions/CanonicalTextView.js'

/** A frozen version's text from its canonical form, each paragraph with the status, brackets and alternatives it was frozen with. */
export function FrozenText({ text }: { text: CanonicalText }) {
  const { t } = useTranslation()
  const printed = withBracketsPrinted(text, (option, number) => t('negotiationState.alternative', { number, text: option.text, proposedBy: option.proposedBy.join(', ') }))
  return <CanonicalTextView text={printed} statuses={frozenStatusMap(frozenStatusesOf(text))} />
}
