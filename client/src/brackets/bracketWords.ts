import type { TFunction } from 'i18next'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import type { OptionText } from '../../../shared/brackets/describeBracket.js'

/** "Alt 2: should (USA, POL)" in the interface language, for the text and the compilation page. */
export function optionText(t: TFunction): OptionText {
  return (option, number) => t('brackets.option', { number, text: option.text, codes: option.proposedBy.join(', ') })
}

/** What a screen reader hears at an opening bracket: "bracket opened, requested by KAZ, POL". */
export function openingName(t: TFunction, item: BracketItem): string {
  return item.kind === 'bracket' ? t('brackets.marks.opened', { codes: item.requestedBy.join(', ') }) : t('brackets.marks.alternativesOpened', { count: item.options.length })
}

/** What a screen reader hears at a closing bracket. */
export function closingName(t: TFunction, item: BracketItem): string {
  return item.kind === 'bracket' ? t('brackets.marks.closed', { codes: item.requestedBy.join(', ') }) : t('brackets.marks.alternativesClosed')
}
