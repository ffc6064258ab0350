import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'

const SAVE_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 5000]
const LOOP_DELAY_RESOLUTION_MS = 10

/**
 * An event-loop delay in milliseconds from a `monitorEventLoopDelay` reading in nanoseconds: the monitor records its
 * whole sampling interval, so an idle loop reads `resolutionMs`; only what lies beyond it is delay.
 */
export function loopDelayMs(recordedNs: number, resolutionMs: number): number {
  return Math.max(0, recordedNs / 1e6 - resolutionMs)
}

/** The server's counters, rendered in the Prometheus text format at /metrics. */
export class Metrics {
  messagesIn = 0
  messagesOut = 0
  connectionsOpened = 0
  connectionsRefused = 0
  private readonly saveBuckets = SAVE_BUCKETS_MS.map(() => 0)
  private saveCount = 0
  private saveSumMs = 0
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })

  constructor() {
    this.loopDelay.enable()
  }

  /** Records how long changes waited from arrival until they were on disk. */
  recordSave(milliseconds: number): void {
    this.saveCount += 1
    this.saveSumMs += milliseconds
    SAVE_BUCKETS_MS.forEach((bound, index) => {
      if (milliseconds <= bound) this.saveBuckets[index]! += 1
    })
  }

  /** The text Prometheus scrapes; gauges are read when asked. */
  render(gauges: { connections: number; documents: number }): string {
    const seconds = (ms: number) => (ms / 1000).toString()
    const lines = [
      '# HELP kelisim_connections Open sync connections.',
      '# TYPE kelisim_connections gauge',
      `kelisim_connections ${gauges.connections}`,
      '# HELP kelisim_connections_opened_total Sync connections accepted since start (a reconnect storm shows here).',
      '# TYPE kelisim_connections_opened_total counter',
      `kelisim_connections_opened_total ${this.connectionsOpened}`,
      '# HELP kelisim_connections_refused_total Sync connections closed for malformed, refused or flooding messages.',
      '# TYPE kelisim_connections_refused_total counter',
      `kelisim_connections_refused_total ${this.connectionsRefused}`,
      '# HELP kelisim_documents_loaded Declarations loaded in memory.',
      '# TYPE kelisim_documents_loaded gauge',
      `kelisim_documents_loaded ${gauges.documents}`,
      '# HELP kelisim_messages_in_total Sync messages received.',
      '# TYPE kelisim_messages_in_total counter',
      `kelisim_messages_in_total ${this.messagesIn}`,
      '# HELP kelisim_messages_out_total Sync messages sent.',
      '# TYPE kelisim_messages_out_total counter',
      `kelisim_messages_out_total ${this.messagesOut}`,
      '# HELP kelisim_save_latency_seconds From a change arriving to its fsync.',
      '# TYPE kelisim_save_latency_seconds histogram',
      ...SAVE_BUCKETS_MS.map((bound, index) => `kelisim_save_latency_seconds_bucket{le="${seconds(bound)}"} ${this.saveBuckets[index]}`),
      `kelisim_save_latency_seconds_bucket{le="+Inf"} ${this.saveCount}`,
      `kelisim_save_latency_seconds_sum ${seconds(this.saveSumMs)}`,
      `kelisim_save_latency_seconds_count ${this.saveCount}`,
      '# HELP kelisim_event_loop_delay_p99_seconds 99th percentile of event-loop delay since start, beyond the monitor’s 10 ms sampling interval.',
      '# TYPE kelisim_event_loop_delay_p99_seconds gauge',
      `kelisim_event_loop_delay_p99_seconds ${loopDelayMs(this.loopDelay.percentile(99), LOOP_DELAY_RESOLUTION_MS) / 1000}`,
    ]
    return `${lines.join('\n')}\n`
  }

  stop(): void {
    this.loopDelay.disable()
  }
}
