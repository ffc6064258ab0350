import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GAP_MS, GROUP_MS, type AnnouncementGroup, type Happening } from '../../../client/src/announcements/announcementQueue.js'
import { Announcer } from '../../../client/src/announcements/Announcer.js'

const comment = (concernsMe: boolean): Happening => ({ kind: 'comment', name: 'Chidinma Okafor', delegation: 'Nigeria', paragraph: 'OP2', concernsMe })

describe('announcer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says a burst once it has gathered, and the next only after the gap', () => {
    const said: AnnouncementGroup[][] = []
    const announcer = new Announcer((groups) => said.push(groups), () => Date.now())
    announcer.hear(comment(false))
    announcer.hear(comment(false))
    vi.advanceTimersByTime(GROUP_MS - 1)
    expect(said).toEqual([])
    vi.advanceTimersByTime(1)
    expect(said).toEqual([[{ happening: comment(false), count: 2 }]])
    announcer.hear(comment(false))
    vi.advanceTimersByTime(GAP_MS - 1)
    expect(said).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(said).toHaveLength(2)
  })

  it('follows the scope the person chose', () => {
    const said: AnnouncementGroup[][] = []
    const announcer = new Announcer((groups) => said.push(groups), () => Date.now())
    announcer.setScope('mine')
    announcer.hear(comment(false))
    announcer.hear(comment(true))
    vi.advanceTimersByTime(GROUP_MS)
    expect(said).toEqual([[{ happening: comment(true), count: 1 }]])
    announcer.setScope('off')
    announcer.hear(comment(true))
    vi.advanceTimersByTime(GAP_MS)
    expect(said).toHaveLength(1)
  })
})
