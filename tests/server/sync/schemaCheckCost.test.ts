import { describe, expect, it } from 'vitest'
import { schemaCheckCost } from '../../../bench/scenarios/schemaCost.js'

describe('the cost of the schema check per keystroke', () => {
  it('stays under 1 ms at p99 on 2,000 paragraphs, and does not grow with the declaration', () => {
    const small = schemaCheckCost(200, 3000)
    const large = schemaCheckCost(2000, 3000)
    expect(large.p99).toBeLessThanOrEqual(1)
    expect(large.p50).toBeLessThanOrEqual(small.p50 * 1.5)
  })
})
