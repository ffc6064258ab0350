import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adviseColor, colorDistance, colorProblems, contrastWithWhite, MIN_COLOR_CONTRAST, MIN_COLOR_DISTANCE } from '../../../shared/delegations/delegationColor.js'
import { demoDelegations } from '../../../server/src/seed/demoDelegations.js'

const hex = fc.integer({ min: 0, max: 0xffffff }).map((value) => `#${value.toString(16).padStart(6, '0')}`)

describe('delegation colours', () => {
  it('keeps every demo colour far from the others and readable with white text', () => {
    for (const delegation of demoDelegations) {
      const others = demoDelegations.filter((other) => other.code !== delegation.code)
      expect(colorProblems(delegation.color, others), delegation.name).toEqual([])
    }
  })

  it('calls the dark reds of the old demo (United Kingdom #8a1c3a, China #a31515) too close, and suggests another', () => {
    const advice = adviseColor('#a31515', [{ code: 'GBR', name: 'United Kingdom', color: '#8a1c3a' }])
    expect(advice.problems).toEqual([{ kind: 'too-close', delegation: expect.objectContaining({ code: 'GBR' }), distance: expect.any(Number) }])
    expect(colorDistance('#a31515', advice.suggestion!)).toBeLessThan(40)
    expect(colorProblems(advice.suggestion!, [{ code: 'GBR', name: 'United Kingdom', color: '#8a1c3a' }])).toEqual([])
  })

  it('refuses a light colour that white names cannot be read on', () => {
    expect(contrastWithWhite('#ffd700')).toBeLessThan(MIN_COLOR_CONTRAST)
    expect(adviseColor('#ffd700', []).problems).toEqual([{ kind: 'low-contrast', contrast: expect.any(Number) }])
    expect(contrastWithWhite('#000000')).toBeCloseTo(21)
  })

  it('says nothing about a colour that is distinct and readable', () => {
    expect(adviseColor('#0e6a9b', [{ code: 'CHN', name: 'China', color: '#7c140a' }])).toEqual({ problems: [], suggestion: null })
  })

  it('always suggests a colour that itself passes beside the demo delegations', () => {
    fc.assert(
      fc.property(hex, fc.subarray(demoDelegations), (wish, others) => {
        const { problems, suggestion } = adviseColor(wish, others)
        if (problems.length === 0) {
          expect(suggestion).toBeNull()
        } else {
          expect(suggestion).toMatch(/^#[0-9a-f]{6}$/)
          expect(contrastWithWhite(suggestion!)).toBeGreaterThanOrEqual(MIN_COLOR_CONTRAST)
          for (const other of others) expect(colorDistance(suggestion!, other.color)).toBeGreaterThanOrEqual(MIN_COLOR_DISTANCE)
        }
      }),
      { numRuns: 200 },
    )
  })
})
