import { frozenStatusesOf, frozenStatusMap } from '../../../shared/paragraphStatus/frozenStatuses.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { CanonicalTextView } from '../versions/CanonicalTextView.js'

/** A frozen version's text from its canonical form, each paragraph with the status it was frozen with. */
export function FrozenText({ serialized }: { serialized: string }) {
  const text = JSON.parse(serialized) as CanonicalText
  return <CanonicalTextView text={text} statuses={frozenStatusMap(frozenStatusesOf(text))} />
}
