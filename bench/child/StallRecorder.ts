import { PerformanceObserver } from 'node:perf_hooks'

/** How often the recorder expects to run; lateness past this is time the event loop was held. */
const TICK_MS = 10
/** Holds shorter than this are ordinary scheduling noise, not stalls. */
const STALL_MS = 50
/** Garbage collections shorter than this cannot explain a stall. */
const GC_MS = 5
/** How many of the longest stalls a window keeps. */
const KEPT = 5

/** One time the event loop did not turn, and the garbage collection inside it. */
export interface Stall {
  /** When it started, in seconds since the window started. */
  atSeconds: number
  ms: number
  /** Milliseconds of garbage collection that ran inside it. */
  gcMs: number
  /**
   * CPU milliseconds the process used during it. Near `ms`, the loop was busy running code; far below, the process was
   * off the CPU: blocked in a system call, or not scheduled because other work took the core.
   */
  cpuMs: number
}

interface Pause {
  start: number
  ms: number
}

/** Records the longest event-loop stalls of a window, when they happened, and how much of each was GC and CPU. */
export class StallRecorder {
  private started = performance.now()
  private last = performance.now()
  private lastCpu = process.cpuUsage()
  private stalls: Stall[] = []
  private pauses: Pause[] = []
  private gcTotalMs = 0

  constructor() {
    setInterval(this.tick, TICK_MS).unref()
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.gcTotalMs += entry.duration
        if (entry.duration >= GC_MS) this.pauses.push({ start: entry.startTime, ms: entry.duration })
      }
    }).observe({ entryTypes: ['gc'] })
  }

  private readonly tick = (): void => {
    const now = performance.now()
    const held = now - this.last - TICK_MS
    const from = this.last
    // One reading a tick: the recorder runs inside the server it measures, and each reading is a system call.
    const cpuNow = process.cpuUsage()
    const cpu = { user: cpuNow.user - this.lastCpu.user, system: cpuNow.system - this.lastCpu.system }
    this.last = now
    this.lastCpu = cpuNow
    if (held < STALL_MS) return
    const gcMs = this.pauses.filter((pause) => pause.start >= from && pause.start < now).reduce((sum, pause) => sum + pause.ms, 0)
    this.stalls.push({ atSeconds: (from - this.started) / 1000, ms: held, gcMs, cpuMs: (cpu.user + cpu.system) / 1000 })
    this.stalls.sort((a, b) => b.ms - a.ms)
    this.stalls.length = Math.min(this.stalls.length, KEPT)
    this.pauses = this.pauses.filter((pause) => pause.start >= now - 60_000)
  }

  /** Starts a new window. */
  reset(): void {
    this.started = performance.now()
    this.stalls = []
    this.pauses = []
    this.gcTotalMs = 0
  }

  /** The longest stalls of the window, longest first, and all garbage-collection time in it. */
  read(): { stalls: Stall[]; gcMs: number } {
    return { stalls: [...this.stalls], gcMs: this.gcTotalMs }
  }
}
