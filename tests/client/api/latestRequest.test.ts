import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LatestRequest } from '../../../client/src/api/latestRequest.js'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (failure: Error) => void
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)))
  return { promise, resolve, reject }
}
const settled = () => new Promise((resolve) => setImmediate(resolve))

describe('the latest request', () => {
  it('is the answer or failure every caller gets, whatever order the answers come back in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(fc.constant(count), fc.shuffledSubarray([...Array(count).keys()], { minLength: count }), fc.array(fc.boolean(), { minLength: count, maxLength: count }))), async ([count, order, fails]) => {
        const latest = new LatestRequest<number>()
        const answers = Array.from({ length: count }, () => deferred<number>())
        const applied: string[] = []
        answers.forEach((answer) => latest.track(answer.promise).then((value) => applied.push(`answer ${value}`), (failure: Error) => applied.push(failure.message)))
        for (const index of order) {
          if (fails[index]) answers[index]!.reject(new Error(`failure ${index}`))
          else answers[index]!.resolve(index)
          await settled()
        }
        expect(applied).toEqual(Array(count).fill(fails[count - 1] ? `failure ${count - 1}` : `answer ${count - 1}`))
      }),
    )
  })
})
