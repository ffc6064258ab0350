import { describe, expect, it } from 'vitest'
import type { Metric } from '../../bench/report/BenchResults.js'
import { latencyTarget } from '../../bench/scenarios/latencyTarget.js'
import { judged, smallerSizes } from '../../bench/scenarios/validSize.js'

const p99 = (values: Metric['values'], flagged: Metric['flagged'] = []): Metric => {
  const metric: Metric = { name: 'p99', unit: 'ms', better: 'lower', values, flagged }
  metric.target = latencyTarget(metric)
  return metric
}

describe('stepping down to the largest size measured validly', () => {
  it('steps down only from a case whose target cannot be judged', () => {
    // Every Hocuspocus run flagged at 1,000 connections: the better peer is unknown.
    expect(judged(p99({ kelisim: 37, reference: 10383, hocuspocus: 52, floor: 30 }, ['hocuspocus']))).toBe(false)
    expect(judged(p99({ kelisim: 37, reference: 40, hocuspocus: 52 }, ['kelisim']))).toBe(false)
    // Met, not met and "cannot be shown" are all judgements of valid runs.
    expect(judged(p99({ kelisim: 10, reference: 30, hocuspocus: 25 }))).toBe(true)
    expect(judged(p99({ kelisim: 20, reference: 30, hocuspocus: 25 }))).toBe(true)
    expect(judged(p99({ kelisim: 9, reference: 30, hocuspocus: 12, floor: 7 }))).toBe(true)
  })

  it('tries the capacity steps between the size and the one before it, largest first', () => {
    const steps = [50, 100, 200, 400, 700, 1000, 1500, 2000]
    expect(smallerSizes(1000, 300, steps)).toEqual([700, 400])
    expect(smallerSizes(300, undefined, steps)).toEqual([200, 100, 50])
    expect(smallerSizes(400, 300, steps)).toEqual([])
  })
})
