import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keepNewer } from '../../../client/src/api/keepNewer.js'

describe('the copies a page keeps', () => {
  it('are the newest of each record, whatever order answers and pushes arrive in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom('a1', 'a2', 'a3'), fc.integer({ min: 1, max: 8 })), { selector: ([id, version]) => `${id}/${version}`, minLength: 1 }).chain((copies) => fc.shuffledSubarray(copies, { minLength: copies.length })),
        (arrivals) => {
          const kept = arrivals.map(([id, version]) => ({ id, version })).reduce<{ id: string; version: number }[]>(keepNewer, [])
          const newest = new Map<string, number>()
          for (const [id, version] of arrivals) newest.set(id, Math.max(version, newest.get(id) ?? 0))
          expect(new Map(kept.map((copy) => [copy.id, copy.version]))).toEqual(newest)
          expect(kept).toHaveLength(newest.size)
        },
      ),
    )
  })

  it('keeps a record where it first appeared', () => {
    const list = [{ id: 'a1', version: 1 }, { id: 'a2', version: 1 }]
    expect(keepNewer(list, { id: 'a1', version: 2 }).map((copy) => copy.id)).toEqual(['a1', 'a2'])
  })
})
