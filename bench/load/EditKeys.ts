import * as Y from 'yjs'

/** Distinct updates remembered before the memo starts over. */
const REMEMBERED = 5000

/**
 * Names the keystrokes an update carries as writers name them: client id and clock, one per character typed. A server
 * may merge several keystrokes into one update, so every clock range is read. Memoised by content, because every
 * receiver gets the same bytes.
 */
export class EditKeys {
  private readonly memo = new Map<string, string[]>()

  of(update: Uint8Array): string[] {
    const id = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1')
    const known = this.memo.get(id)
    if (known) return known
    const { from, to } = Y.parseUpdateMeta(update)
    const keys: string[] = []
    for (const [client, start] of from) {
      for (let clock = start; clock < (to.get(client) ?? start); clock += 1) keys.push(`${client}:${clock}`)
    }
    if (this.memo.size >= REMEMBERED) this.memo.clear()
    this.memo.set(id, keys)
    return keys
  }
}
