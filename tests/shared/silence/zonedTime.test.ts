import { describe, expect, it } from 'vitest'
import { countdownParts } from '../../../shared/silence/countdown.js'
import { instantOfWallClock, isTimeZone, wallClockIn } from '../../../shared/silence/zonedTime.js'

describe('deadlines as a date and time in a time zone', () => {
  it('reads a wall clock in a zone as an instant, and back', () => {
    expect(new Date(instantOfWallClock({ date: '2026-12-05', time: '18:00' }, 'Asia/Almaty')!).toISOString()).toBe('2026-12-05T13:00:00.000Z')
    expect(new Date(instantOfWallClock({ date: '2026-12-05', time: '18:00' }, 'America/New_York')!).toISOString()).toBe('2026-12-05T23:00:00.000Z')
    expect(new Date(instantOfWallClock({ date: '2026-07-01', time: '09:30' }, 'Europe/Berlin')!).toISOString()).toBe('2026-07-01T07:30:00.000Z')
    expect(wallClockIn(Date.parse('2026-12-05T13:00:00Z'), 'Asia/Almaty')).toEqual({ date: '2026-12-05', time: '18:00' })
  })

  it('refuses dates that do not exist, times a clock change skips, and unknown zones', () => {
    expect(instantOfWallClock({ date: '2026-02-30', time: '12:00' }, 'UTC')).toBeNull()
    expect(instantOfWallClock({ date: '2026-03-29', time: '02:30' }, 'Europe/Berlin')).toBeNull()
    expect(instantOfWallClock({ date: '2026-12-05', time: '25:00' }, 'UTC')).toBeNull()
    expect(instantOfWallClock({ date: '2026-12-05', time: '12:00' }, 'Mars/Olympus')).toBeNull()
    expect(isTimeZone('Asia/Almaty')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })

  it('counts down to the minute, leaving out units that are zero', () => {
    const minute = 60_000
    expect(countdownParts(72 * 60 * minute, 0)).toEqual([{ unit: 'day', count: 3 }])
    expect(countdownParts(72 * 60 * minute - 30_000, 0)).toEqual([
      { unit: 'day', count: 2 },
      { unit: 'hour', count: 23 },
      { unit: 'minute', count: 59 },
    ])
    expect(countdownParts(61 * minute, 0)).toEqual([
      { unit: 'hour', count: 1 },
      { unit: 'minute', count: 1 },
    ])
    expect(countdownParts(30_000, 0)).toBe('underMinute')
    expect(countdownParts(0, 0)).toBe('passed')
  })
})
