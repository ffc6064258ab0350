/** A wall-clock date and time ("2026-12-05", "18:00") as people in one time zone read it. */
export interface WallClock {
  date: string
  time: string
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    partsFormatters.set(timeZone, formatter)
  }
  return formatter
}

function fieldsIn(instant: number, timeZone: string): Record<string, number> {
  const fields: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(instant)) if (part.type !== 'literal') fields[part.type] = Number(part.value)
  return fields
}

/** Whether the runtime knows this IANA time zone ("Asia/Almaty", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

/** The date and time an instant shows on a clock in the zone, to the minute. */
export function wallClockIn(instant: number, timeZone: string): WallClock {
  const f = fieldsIn(instant, timeZone)
  const two = (value: number | undefined) => String(value ?? 0).padStart(2, '0')
  return { date: `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)}`, time: `${two(f.hour)}:${two(f.minute)}` }
}

/** The instant (ms since the epoch) at which the zone's clocks show this date and time; null for a date that does not exist or a time skipped by a clock change. */
export function instantOfWallClock({ date, time }: WallClock, timeZone: string): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const minute = /^(\d{2}):(\d{2})$/.exec(time)
  if (!day || !minute || !isTimeZone(timeZone)) return null
  const wall = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(minute[1]), Number(minute[2]))
  const offsetAt = (instant: number) => {
    const f = fieldsIn(instant, timeZone)
    return Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0) - Math.floor(instant / 1000) * 1000
  }
  // The offset at the guess can differ from the one at the answer near a clock change, so it is read twice.
  const instant = wall - offsetAt(wall - offsetAt(wall))
  const shown = wallClockIn(instant, timeZone)
  return shown.date === date && shown.time === time ? instant : null
}
