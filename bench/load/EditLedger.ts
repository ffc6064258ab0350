/** Milliseconds on CLOCK_MONOTONIC, which every process on the machine shares, so load processes compare stamps. */
export function sharedClockMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/**
 * When each edit was made, and how long each receiver took to see it. A load process that only receives learns the
 * send times afterwards from the writers' process (`adopt`); until then it keeps arrival times.
 */
export class EditLedger {
  private readonly sentAt = new Map<string, number>()
  /** Arrivals of edits whose send time this process does not know yet. */
  private readonly unmatched = new Map<string, number[]>()
  private samples = new Float64Array(1 << 16)
  /** Deliveries of edits made while recording. */
  delivered = 0
  edits = 0

  /** Notes an edit about to be sent, named by its client id and first clock. */
  sent(key: string): void {
    this.sentAt.set(key, sharedClockMs())
    this.edits += 1
  }

  /** Notes that one receiver has the edit now. */
  received(key: string): void {
    const at = this.sentAt.get(key)
    if (at !== undefined) return this.sample(sharedClockMs() - at)
    const arrivals = this.unmatched.get(key)
    if (arrivals) arrivals.push(sharedClockMs())
    else this.unmatched.set(key, [sharedClockMs()])
  }

  /** Every edit sent so far and when, for the processes that only receive. */
  sendTimes(): [string, number][] {
    return [...this.sentAt]
  }

  /** Takes the writers' send times: arrivals already seen become samples, later ones are timed as they come. */
  adopt(sendTimes: [string, number][]): void {
    for (const [key, at] of sendTimes) {
      this.sentAt.set(key, at)
      for (const arrived of this.unmatched.get(key) ?? []) this.sample(arrived - at)
      this.unmatched.delete(key)
    }
    this.edits = sendTimes.length
  }

  private sample(latency: number): void {
    if (this.delivered === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2)
      grown.set(this.samples)
      this.samples = grown
    }
    this.samples[this.delivered++] = latency
  }

  /** Every delivery latency so far, in milliseconds. */
  latencies(): Float64Array {
    return this.samples.subarray(0, this.delivered)
  }
}
