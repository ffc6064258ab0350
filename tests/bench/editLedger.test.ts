import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EditLedger, sharedClockMs } from '../../bench/load/EditLedger.js'

describe('edit ledger across load processes', () => {
  it('times an edit seen in a receiving process against the writers’ send time, whenever the arrival comes', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), (arrivesBeforeAdopt) => {
        const writers = new EditLedger()
        const receivers = new EditLedger()
        const keys = arrivesBeforeAdopt.map((_, index) => `7:${index}`)
        for (const key of keys) writers.sent(key)
        keys.forEach((key, index) => arrivesBeforeAdopt[index] && receivers.received(key))
        const adoptedAt = sharedClockMs()
        receivers.adopt(writers.sendTimes())
        keys.forEach((key, index) => !arrivesBeforeAdopt[index] && receivers.received(key))
        // An edit from before recording began is not one of this window's deliveries.
        receivers.received('9:0')
        expect(receivers.edits).toBe(keys.length)
        expect(receivers.delivered).toBe(keys.length)
        for (const latency of receivers.latencies()) expect(latency).toBeGreaterThanOrEqual(0)
        expect(Math.max(...receivers.latencies())).toBeLessThan(sharedClockMs() - adoptedAt + 1000)
      }),
    )
  })
})
