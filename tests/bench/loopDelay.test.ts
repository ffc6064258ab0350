import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { loopDelayMs } from '../../server/src/metrics/Metrics.js'

describe('event-loop delay without the monitor’s own resolution', () => {
  it('subtracts the sampling interval and never goes below zero', () => {
    expect(loopDelayMs(5.1e6, 5)).toBeCloseTo(0.1)
    expect(loopDelayMs(45e6, 5)).toBe(40)
    expect(loopDelayMs(4.2e6, 5)).toBe(0)
  })

  it('takes the interval off a raw monitor, which reads its whole interval even on an idle loop', async () => {
    const monitor = monitorEventLoopDelay({ resolution: 5 })
    monitor.enable()
    await new Promise((resolve) => setTimeout(resolve, 300))
    monitor.disable()
    // The premise: even an idle loop reads its whole interval, however busy the machine is.
    expect(monitor.percentile(50) / 1e6).toBeGreaterThanOrEqual(4.5)
    expect(loopDelayMs(monitor.percentile(50), 5)).toBeLessThan(monitor.percentile(50) / 1e6 - 4)
  })
})
