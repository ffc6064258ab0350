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

/** Happenings told apart by this key are said apart; alike ones are counted ("3 new comments on OP2"), and of one person's editing only where they are now is said. */
function groupKey(happening: Happening): string {
  switch (happening.kind) {
    case 'thread':
    case 'comment':
    case 'mention':
    case 'amendment':
      return `${happening.kind}\n${happening.paragraph}`
    case 'editing':
      return `${happening.kind}\n${personOf(happening)}`
    default:
      return JSON.stringify(happening)
  }
}

/** Collects happenings, drops repeats of someone editing the paragraph last said for them, and gives them out grouped, at most once per gap. */
export class AnnouncementQueue {
  private pending: Happening[] = []
  private firstPendingAt: number | null = null
  private lastSaidAt = Number.NEGATIVE_INFINITY
  /** Per person, the paragraph they were last said to be editing, and when. */
  private readonly editingSaid = new Map<string, { paragraph: string; at: number }>()

  constructor(private readonly now: () => number) {}

  /** Queues a happening; someone still editing the paragraph last said for them within a minute is not queued again. */
  add(happening: Happening): void {
    if (happening.kind === 'editing') {
      const waiting = this.pending.findIndex((other) => groupKey(other) === groupKey(happening))
      // Only where they are when it is said matters.
      if (waiting >= 0) {
        this.pending[waiting] = happening
        return
      }
      if (this.isRepeat(happening)) return
    }
    this.pending.push(happening)
    this.firstPendingAt ??= this.now()
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
      if (this.isRepeat(happening)) continue
      const key = groupKey(happening)
      const group = groups.get(key)
      if (group) group.count += 1
      else groups.set(key, { happening, count: 1 })
      if (happening.kind === 'editing') this.editingSaid.set(personOf(happening), { paragraph: happening.paragraph, at: now })
    }
    this.pending = []
    this.firstPendingAt = null
    if (groups.size > 0) this.lastSaidAt = now
    return [...groups.values()]
  }

  private isRepeat(happening: Happening): boolean {
    if (happening.kind !== 'editing') return false
    const said = this.editingSaid.get(personOf(happening))
    return said !== undefined && said.paragraph === happening.paragraph && this.now() - said.at < REPEAT_MS
  }
}

const personOf = (happening: { name: string; delegation: string }) => `${happening.name}\n${happening.delegation}`
