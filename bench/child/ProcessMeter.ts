import { monitorEventLoopDelay } from 'node:perf_hooks'
import { loopDelayMs } from '../../server/src/metrics/Metrics.js'
import { StallRecorder, type Stall } from './StallRecorder.js'

/** What a bench process used since its meter was last reset. */
export interface ProcessStats {
  wallSeconds: number
  cpuSeconds: number
  /** CPU seconds per wall second: 1 is one core saturated. */
  cpuShare: number
  rssBytes: number
  peakRssBytes: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** The longest event-loop stalls, longest first, with when they happened and the GC inside them. */
  stalls: Stall[]
  /** Garbage-collection time in the window. */
  gcMs: number
}

/** How often the event-loop monitor samples; every reading is reported without it. */
const LOOP_DELAY_RESOLUTION_MS = 5

/** How the report's event-loop delays are taken, for its method text. */
export const LOOP_DELAY_METHOD = `each process's own monitorEventLoopDelay, sampling every ${LOOP_DELAY_RESOLUTION_MS} ms; the monitor records the whole sampling interval (an idle process reads ${LOOP_DELAY_RESOLUTION_MS}.1 ms at p50), so every delay here is the recorded figure minus ${LOOP_DELAY_RESOLUTION_MS} ms, clamped at 0: how late the loop was beyond its timer. The load generator's flag (30 ms) and the freeze target (< 10 ms) are judged on that figure.`

/** Measures this process: CPU, RSS (sampled every 20 ms for the peak), event-loop delay and its longest stalls. */
export class ProcessMeter {
  private readonly delay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })
  private readonly stalls = new StallRecorder()
  private cpu = process.cpuUsage()
  private started = performance.now()
  private peakRss = process.memoryUsage.rss()
  private readonly sampler: NodeJS.Timeout

  constructor() {
    this.delay.enable()
    this.sampler = setInterval(() => {
      this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss())
    }, 20)
    // Sampling must never keep a finished process alive.
    this.sampler.unref()
  }

  /** Starts a new measuring window. */
  reset(): void {
    this.delay.reset()
    this.stalls.reset()
    this.cpu = process.cpuUsage()
    this.started = performance.now()
    this.peakRss = process.memoryUsage.rss()
  }

  /** The window so far. */
  read(): ProcessStats {
    const used = process.cpuUsage(this.cpu)
    const wallSeconds = (performance.now() - this.started) / 1000
    const cpuSeconds = (used.user + used.system) / 1e6
    const rssBytes = process.memoryUsage.rss()
    return {
      wallSeconds,
      cpuSeconds,
      cpuShare: wallSeconds > 0 ? cpuSeconds / wallSeconds : 0,
      rssBytes,
      peakRssBytes: Math.max(this.peakRss, rssBytes),
      loopDelayP99Ms: this.delay.count > 0 ? loopDelayMs(this.delay.percentile(99), LOOP_DELAY_RESOLUTION_MS) : 0,
      loopDelayMaxMs: this.delay.count > 0 ? loopDelayMs(this.delay.max, LOOP_DELAY_RESOLUTION_MS) : 0,
      ...this.stalls.read(),
    }
  }
}
