import type { AmendmentStatus } from '../../../shared/negotiation/amendmentSchemas.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'

/** Something another person did that a screen reader may be told. */
export type Happening = (
  | { kind: 'editing'; name: string; delegation: string; paragraph: string }
  | { kind: 'thread' | 'comment' | 'mention'; name: string; delegation: string; paragraph: string }
  | { kind: 'amendment'; name: string; delegation: string; paragraph: string; amendment: string }
  | { kind: 'decision'; amendment: string; status: Exclude<AmendmentStatus, 'pending'> }
  | { kind: 'status'; name: string; delegation: string; paragraph: string; status: ParagraphStatus }
  | { kind: 'lock'; version: string }
  | { kind: 'unlock' }
  | { kind: 'signature'; delegation: string; version: string }
) & {
  /** Mentions the reader, concerns their delegation's amendments, or changes whether the text can be changed. */
  concernsMe: boolean
}

/** How much the reader wants to hear. */
export type AnnouncementScope = 'all' | 'mine' | 'off'

/** One thing to say: the first happening of a burst and how many alike it stands for. */
export interface AnnouncementGroup {
  happening: Happening
  count: number
}

/** How long a burst may keep growing before it is said. */
export const GROUP_MS = 1500
/** The least time between two announcements, so a busy room does not talk over the reader. */
export const GAP_MS = 4000
/** How long someone editing one paragraph stays announced. */
export const REPEAT_MS = 60_000

/** Whether the reader's scope lets a happening be announced. */
export function admits(scope: AnnouncementScope, happening: Happening): boolean {
  return scope === 'all' || (scope === 'mine' && happening.concernsMe)
}

/** Happenings told apart by this key are said apart; alike ones are counted ("3 new comments on OP2"). */
function groupKey(happening: Happening): string {
  switch (happening.kind) {
    case 'thread':
    case 'comment':
    case 'mention':
    case 'amendment':
      return `${happening.kind}\n${happening.paragraph}`
    default:
      return JSON.stringify(happening)
  }
}

/** Collects happenings, drops repeats of someone editing the same paragraph, and gives them out grouped, at most once per gap. */
export class AnnouncementQueue {
  private pending: Happening[] = []
  private firstPendingAt: number | null = null
  private lastSaidAt = Number.NEGATIVE_INFINITY
  private readonly editing = new Map<string, { paragraph: string; at: number }>()

  constructor(private readonly now: () => number) {}

  /** Queues a happening; someone still editing the paragraph last announced for them within a minute is not queued again. */
  add(happening: Happening): void {
    const now = this.now()
    if (happening.kind === 'editing') {
      const person = `${happening.name}\n${happening.delegation}`
      const last = this.editing.get(person)
      if (last && last.paragraph === happening.paragraph && now - last.at < REPEAT_MS) return
      this.editing.set(person, { paragraph: happening.paragraph, at: now })
    }
    this.pending.push(happening)
    this.firstPendingAt ??= now
  }

  /** When the next announcement may be made; null when nothing waits. */
  dueAt(): number | null {
    return this.firstPendingAt === null ? null : Math.max(this.firstPendingAt + GROUP_MS, this.lastSaidAt + GAP_MS)
  }

  /** What to say now, grouped in the order first heard; empty before it is due. */
  take(): AnnouncementGroup[] {
    const due = this.dueAt()
    const now = this.now()
    if (due === null || now < due) return []
    const groups = new Map<string, AnnouncementGroup>()
    for (const happening of this.pending) {
      const key = groupKey(happening)
      const group = groups.get(key)
      if (group) group.count += 1
      else groups.set(key, { happening, count: 1 })
    }
    this.pending = []
    this.firstPendingAt = null
    this.lastSaidAt = now
    return [...groups.values()]
  }
}
