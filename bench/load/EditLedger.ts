/** When each edit was made, and how long each receiver took to see it. */
export class EditLedger {
  private readonly sentAt = new Map<string, number>()
  private samples = new Float64Array(1 << 16)
  /** Deliveries of edits made while recording. */
  delivered = 0
  edits = 0

  /** Notes an edit about to be sent, named by its client id and first clock. */
  sent(key: string): void {
    this.sentAt.set(key, performance.now())
    this.edits += 1
  }

  /** Notes that one receiver has the edit now. */
  received(key: string): void {
    const at = this.sentAt.get(key)
    if (at === undefined) return
    if (this.delivered === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2)
      grown.set(this.samples)
      this.samples = grown
    }
    this.samples[this.delivered++] = performance.now() - at
  }

  /** Every delivery latency so far, in milliseconds. */
  latencies(): Float64Array {
    return this.samples.subarray(0, this.delivered)
  }
}
