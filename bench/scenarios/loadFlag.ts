import type { ProcessStats } from '../child/ProcessMeter.js'

/** Above this share of its core, or this event-loop delay, the load generator's own queueing shows in the latencies. */
const SATURATED_CPU_SHARE = 0.85
const SATURATED_LOOP_DELAY_MS = 30

/**
 * A warning when the load generator held the measurement back during a run, or null when it kept up: saturated when
 * it used its core, delayed when its event loop stalled without using its core (other work on the machine took it).
 */
export function loadFlag(run: string, load: ProcessStats): string | null {
  const cpu = `${(load.cpuShare * 100).toFixed(0)}% of a core`
  const delay = `event-loop delay p99 ${load.loopDelayP99Ms.toFixed(1)} ms`
  if (load.cpuShare >= SATURATED_CPU_SHARE) return `Load generator saturated in ${run}: ${cpu}, ${delay}; latencies there include its own queueing.`
  if (load.loopDelayP99Ms >= SATURATED_LOOP_DELAY_MS) return `Load generator delayed in ${run}: ${delay} at only ${cpu}, so other work on the machine held it up; latencies there include that wait.`
  return null
}
