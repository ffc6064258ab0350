import { describe, expect, it } from 'vitest'
import { capacityOf, capacityTarget, type CapacityStep } from '../../bench/scenarios/capacityRule.js'

const LIMIT = 50
const step = (connections: number, p99Ms: number, flagged = false, missing = 0): CapacityStep => ({ connections, p99Ms, missing, flagged })

describe('capacity from its steps', () => {
  it('is the last step served before the limit is passed, an exact figure', () => {
    expect(capacityOf([step(50, 10), step(100, 20), step(200, 80)], LIMIT)).toEqual({ connections: 100, lowerBound: false })
    expect(capacityOf([step(50, 10), step(100, 20, false, 3)], LIMIT)).toEqual({ connections: 50, lowerBound: false })
  })

  it('never counts a step where the load generator was flagged, even under the limit, and is then only a lower bound', () => {
    expect(capacityOf([step(50, 10), step(100, 20, true)], LIMIT)).toEqual({ connections: 50, lowerBound: true })
    expect(capacityOf([step(50, 10), step(100, 90, true)], LIMIT)).toEqual({ connections: 50, lowerBound: true })
  })

  it('is a lower bound when every step was served', () => {
    expect(capacityOf([step(50, 10), step(100, 20)], LIMIT)).toEqual({ connections: 100, lowerBound: true })
  })
})

describe('the capacity target', () => {
  const exact = (connections: number) => ({ connections, lowerBound: false })
  const atLeast = (connections: number) => ({ connections, lowerBound: true })

  it('is met or not met when the side it turns on is exact', () => {
    expect(capacityTarget(exact(400), [exact(200), exact(100)])).toEqual({ text: '≥ 2× better peer', met: true })
    expect(capacityTarget(atLeast(400), [exact(200)])).toEqual({ text: '≥ 2× better peer', met: true })
    expect(capacityTarget(exact(300), [exact(200)])).toEqual({ text: '≥ 2× better peer', met: false })
    expect(capacityTarget(exact(300), [atLeast(200)])).toEqual({ text: '≥ 2× better peer', met: false })
  })

  it('cannot be judged when that side is only a lower bound', () => {
    expect(capacityTarget(atLeast(1000), [exact(700)]).undecided).toMatch(/^cannot be judged/)
    expect(capacityTarget(exact(400), [atLeast(200), exact(100)]).undecided).toMatch(/^cannot be judged/)
    expect(capacityTarget(atLeast(0), [exact(0)]).undecided).toMatch(/^cannot be judged/)
  })
})
