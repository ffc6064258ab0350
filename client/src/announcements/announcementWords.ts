import type { TFunction } from 'i18next'
import type { AnnouncementGroup } from './announcementQueue.js'

/** One announcement in the reader's language: a single happening names who did it, a burst says how many. */
export function announcementWords(t: TFunction, { happening, count }: AnnouncementGroup): string {
  switch (happening.kind) {
    case 'editing':
      return t('announcements.editing', happening)
    case 'thread':
      return count > 1 ? t('announcements.threads', { count, paragraph: happening.paragraph }) : t('announcements.thread', happening)
    case 'comment':
      return count > 1 ? t('announcements.comments', { count, paragraph: happening.paragraph }) : t('announcements.comment', happening)
    case 'mention':
      return count > 1 ? t('announcements.mentions', { count, paragraph: happening.paragraph }) : t('announcements.mention', happening)
    case 'amendment':
      return count > 1 ? t('announcements.amendments', { count, paragraph: happening.paragraph }) : t('announcements.amendment', happening)
    case 'decision':
      switch (happening.status) {
        case 'accepted':
          return t('announcements.decision.accepted', happening)
        case 'accepted-as-revised':
          return t('announcements.decision.acceptedAsRevised', happening)
        case 'rejected':
          return t('announcements.decision.rejected', happening)
        case 'withdrawn':
          return t('announcements.decision.withdrawn', happening)
        case 'needs-update':
          return t('announcements.decision.needsUpdate', happening)
        case 'not-taken-up':
          return t('announcements.decision.notTakenUp', happening)
      }
      break
    case 'status':
      switch (happening.status) {
        case 'open':
          return t('announcements.status.open', happening)
        case 'ad-referendum':
          return t('announcements.status.adReferendum', happening)
        case 'agreed':
          return t('announcements.status.agreed', happening)
      }
      break
    case 'lock':
      return t('announcements.lock', happening)
    case 'unlock':
      return t('announcements.unlock')
    case 'signature':
      return t('announcements.signature', happening)
  }
}
