import type { TFunction } from 'i18next'
import { statusSymbol } from '../../../shared/paragraphStatus/statusLabels.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'

/** A status's short word on a badge or button ("Agreed"). */
export function statusWord(t: TFunction, status: ParagraphStatus): string {
  switch (status) {
    case 'open':
      return t('paragraphStatus.word.open')
    case 'ad-referendum':
      return t('paragraphStatus.word.adReferendum')
    case 'agreed':
      return t('paragraphStatus.word.agreed')
  }
}

/** What a paragraph is once set to a status, for the sentence that confirms it ("OP2 is agreed ad referendum."). */
export function statusSetSentence(t: TFunction, status: ParagraphStatus, label: string): string {
  switch (status) {
    case 'open':
      return t('paragraphStatus.set.open', { label })
    case 'ad-referendum':
      return t('paragraphStatus.set.adReferendum', { label })
    case 'agreed':
      return t('paragraphStatus.set.agreed', { label })
  }
}

/** "✓ Agreed": the symbol and the word, so colour is never the only cue. */
export function statusBadgeText(t: TFunction, status: ParagraphStatus): string {
  return `${statusSymbol[status]} ${statusWord(t, status)}`
}
