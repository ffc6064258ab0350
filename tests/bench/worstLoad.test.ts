import { describe, expect, it } from 'vitest'
import type { ProcessStats } from '../../bench/child/ProcessMeter.js'
import { loadFlag } from '../../bench/scenarios/loadFlag.js'
import { worstLoad } from '../../bench/scenarios/loadProcesses.js'

const load = (cpuShare: number, loopDelayP99Ms: number): ProcessStats => ({
  wallSeconds: 6,
  cpuSeconds: cpuShare * 6,
  cpuShare,
  rssBytes: 0,
  peakRssBytes: 0,
  loopDelayP99Ms,
  loopDelayMaxMs: loopDelayP99Ms,
  stalls: [],
  gcMs: 0,
})

describe('the load processes judged as one generator on their shared core', () => {
  it('adds up their CPU: four at 30% each have saturated the core', () => {
    const together = worstLoad([load(0.3, 20), load(0.3, 25), load(0.28, 12), load(0.31, 18)])
    expect(together.cpuShare).toBeCloseTo(1.19)
    expect(together.cpuSeconds).toBeCloseTo(7.14)
    expect(together.loopDelayP99Ms).toBe(25)
    expect(loadFlag('the run', together)).toMatch(/^Load generator saturated in the run: 119% of a core/)
  })

  it('leaves a run with CPU to spare and short delays unflagged', () => {
    expect(loadFlag('the run', worstLoad([load(0.3, 9), load(0.25, 11)]))).toBeNull()
  })
})
