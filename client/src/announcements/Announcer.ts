import { admits, AnnouncementQueue, type AnnouncementGroup, type AnnouncementScope, type Happening } from './announcementQueue.js'

/** Drives an announcement queue with a timer: happenings the scope admits go in, groups come out to `onSay` when due. */
export class Announcer {
  private readonly queue: AnnouncementQueue
  private timer: ReturnType<typeof setTimeout> | null = null
  private scope: AnnouncementScope = 'all'

  constructor(
    private readonly onSay: (groups: AnnouncementGroup[]) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new AnnouncementQueue(now)
  }

  /** Follows the person's choice from now on. */
  setScope(scope: AnnouncementScope): void {
    this.scope = scope
  }

  /** Takes in a happening; it is said later, grouped with others, if the scope admits it. */
  hear(happening: Happening): void {
    if (!admits(this.scope, happening)) return
    this.queue.add(happening)
    this.schedule()
  }

  /** Stops the timer; what waits is said after the next happening. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    const due = this.queue.dueAt()
    if (this.timer !== null || due === null) return
    this.timer = setTimeout(() => {
      this.timer = null
      const groups = this.queue.take()
      if (groups.length > 0) this.onSay(groups)
      this.schedule()
    }, Math.max(0, due - this.now()))
  }
}
